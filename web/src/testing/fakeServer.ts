import { transport } from '../api/http'

export interface FakeRequest { method: string, url: string, headers: Record<string, string>, body: unknown }
export type FakeReply = { status: number, body?: unknown } | 'network-error'
type Handler = (request: FakeRequest) => FakeReply | Promise<FakeReply>

async function bodyOf(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD')
    return undefined
  const type = request.headers.get('content-type') ?? ''
  if (type.includes('application/json'))
    return request.json()
  return type.includes('multipart/form-data') ? request.formData() : request.text()
}

/** A tiny in-memory server behind the HTTP client's transport: the app's own functions run unchanged. */
export function installFakeServer() {
  const routes: { method: string, path: string | RegExp, handler: Handler }[] = []
  const requests: FakeRequest[] = []

  const answer = async (incoming: Request): Promise<Response> => {
    const url = new URL(incoming.url)
    const path = url.pathname + url.search
    const headers = Object.fromEntries([...incoming.headers].map(([k, v]) => [k.toLowerCase(), v]))
    const request = { method: incoming.method.toUpperCase(), url: path, headers, body: await bodyOf(incoming) }
    requests.push(request)
    const route = routes.find(r => r.method === request.method && (typeof r.path === 'string' ? r.path === path : r.path.test(path)))
    const reply: FakeReply = route ? await route.handler(request) : { status: 404, body: { error: { code: 'NOT_FOUND', message: '没有这个接口' } } }
    if (reply === 'network-error')
      throw new TypeError('Failed to fetch')
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? null)
    return new Response(text, { status: reply.status, headers: { 'content-type': typeof reply.body === 'string' ? 'text/html' : 'application/json' } })
  }
  // Like fetch, a call whose signal aborts (its time limit) rejects at once, even while the handler is still busy.
  const fakeFetch = (incoming: Request) => new Promise<Response>((resolve, reject) => {
    const onAbort = () => reject(incoming.signal.reason)
    if (incoming.signal.aborted)
      return onAbort()
    incoming.signal.addEventListener('abort', onAbort, { once: true })
    answer(incoming).then(resolve, reject)
  })
  const previous = { ...transport }
  transport.fetch = fakeFetch
  transport.sendWithProgress = async (incoming, onProgress) => {
    const response = await fakeFetch(incoming)
    // In memory the upload goes out in one piece: all of it at once.
    onProgress(1, 1)
    return response
  }

  return {
    requests,
    on(method: string, path: string | RegExp, handler: Handler) {
      routes.unshift({ method, path, handler })
    },
    restore() {
      Object.assign(transport, previous)
    },
  }
}

export function errorReply(status: number, code: string, message: string, fieldErrors?: Record<string, string[]>): FakeReply {
  return { status, body: { error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } } }
}
