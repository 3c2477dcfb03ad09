const NULL_BODY_STATUS = new Set([101, 204, 205, 304])

function headersOf(raw: string): Headers {
  const headers = new Headers()
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':')
    if (colon > 0)
      headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim())
  }
  return headers
}

/**
 * Sends a fetch Request through XMLHttpRequest, the one way a page can learn how much of an upload has gone out
 * (WebKit has no request streams, and Chromium streams a request body only over HTTP/2). Answers with a fetch
 * Response, rejects with a TypeError on a network failure like fetch, and with the signal's reason when aborted.
 */
export async function sendWithProgress(request: Request, onProgress: (loaded: number, total: number) => void): Promise<Response> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.blob()
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    const { signal } = request
    const onAbort = () => {
      xhr.abort()
      reject(signal.reason)
    }
    if (signal.aborted) {
      onAbort()
      return
    }
    signal.addEventListener('abort', onAbort, { once: true })
    const settle = () => signal.removeEventListener('abort', onAbort)
    xhr.open(request.method, request.url)
    xhr.withCredentials = request.credentials !== 'omit'
    xhr.responseType = 'blob'
    request.headers.forEach((value, name) => xhr.setRequestHeader(name, value))
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable)
        onProgress(event.loaded, event.total)
    })
    xhr.addEventListener('load', () => {
      settle()
      if (xhr.status < 200 || xhr.status > 599) {
        reject(new TypeError('Network request failed'))
        return
      }
      const responseBody = NULL_BODY_STATUS.has(xhr.status) ? null : xhr.response as Blob
      resolve(new Response(responseBody, { status: xhr.status, statusText: xhr.statusText, headers: headersOf(xhr.getAllResponseHeaders()) }))
    })
    for (const failure of ['error', 'timeout'] as const) {
      xhr.addEventListener(failure, () => {
        settle()
        reject(new TypeError('Network request failed'))
      })
    }
    xhr.send(body)
  })
}
