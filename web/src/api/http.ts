import type { FieldErrors } from '@app/shared'
import { isResponseError, up } from 'up-fetch'

/** Every failed call becomes one of these; `code` is the server's stable code, or NETWORK / BAD_RESPONSE. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Where the page's requests go out: the browser's fetch, and XMLHttpRequest for a send that reports upload progress. */
export interface Transport {
  fetch: (request: Request) => Promise<Response>
  /** fetch cannot report upload progress (WebKit has no request streams, Chromium streams only over HTTP/2). */
  sendWithProgress: (request: Request, onProgress: (loaded: number, total: number) => void) => Promise<Response>
}

/** Replaceable in tests, which put an in-memory server here (`testing/fakeServer.ts`). */
export const transport: Transport = {
  fetch: request => fetch(request),
  sendWithProgress: (request, onProgress) => import('./sendWithProgress').then(m => m.sendWithProgress(request, onProgress)),
}

interface SendContext { onUploadProgress?: (loaded: number, total: number) => void }

/**
 * The page's one HTTP client (up-fetch over fetch): same-origin cookies, a time limit on every call, no silent retries,
 * JSON in and out. A send that wants upload progress goes out through XMLHttpRequest.
 */
function send(input: Request | string, _options: unknown, context?: SendContext): Promise<Response> {
  // up-fetch hands over the Request it built; a path is accepted for its call signature.
  const request = typeof input === 'string' ? new Request(input) : input
  return context?.onUploadProgress ? transport.sendWithProgress(request, context.onUploadProgress) : transport.fetch(request)
}

const http = up(send, () => ({ credentials: 'same-origin' }))

export interface RequestOptions {
  method?: 'get' | 'post'
  json?: unknown
  body?: FormData
  headers?: Record<string, string>
  /** Milliseconds (30 s unless said): then the call is given up as a network failure. */
  timeout?: number
  onUploadProgress?: (loaded: number, total: number) => void
}

/** Where the page goes when the session is missing or expired; replaceable in tests. */
export const auth = {
  onUnauthenticated(): void {
    const returnTo = location.pathname + location.search
    location.assign(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`)
  },
}

interface WireError { error: { code: string, message: string, fieldErrors?: FieldErrors } }

/** The server's one error shape, checked by hand: this runs on the first screen, before the schemas are loaded. */
function isWireError(data: unknown): data is WireError {
  const error = (data as Partial<WireError> | null)?.error
  return typeof error?.code === 'string' && typeof error.message === 'string'
}

const networkError = () => new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试')

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : networkError()
}

function fromFailure(error: unknown, timedOut: boolean): ApiError {
  if (isResponseError(error)) {
    const { status, data } = error
    if (isWireError(data))
      return new ApiError(status, data.error.code, data.error.message, data.error.fieldErrors)
    return new ApiError(status, status >= 500 ? 'UPSTREAM_UNAVAILABLE' : 'BAD_RESPONSE', `服务暂时不可用（${status}），请稍后再试`)
  }
  if (timedOut)
    return new ApiError(0, 'NETWORK', '网络超时，请检查网络后重试')
  return toApiError(error)
}

export const badResponse = () => new ApiError(200, 'BAD_RESPONSE', '服务器返回的数据格式不对，请稍后再试')

/** One call; resolves with the JSON body of a 2xx, rejects with an ApiError (and sends a 401 to sign-in). */
export async function request(path: string, options: RequestOptions = {}): Promise<unknown> {
  const { json, body, method = 'get', headers, timeout = 30_000, onUploadProgress } = options
  // The limit is set here rather than with up-fetch's `timeout`, which needs AbortSignal.any (older WebViews lack it).
  const limit = new AbortController()
  const timer = setTimeout(() => limit.abort(), timeout)
  let data: unknown
  try {
    data = await http(path, { method: method.toUpperCase(), body: json ?? body, headers, signal: limit.signal }, { onUploadProgress })
  }
  catch (error) {
    const apiError = fromFailure(error, limit.signal.aborted)
    if (apiError.status === 401)
      auth.onUnauthenticated()
    throw apiError
  }
  finally {
    clearTimeout(timer)
  }
  // A body that is not JSON comes back as its text: a 2xx must carry JSON (an HTML portal page is a BAD_RESPONSE).
  if (typeof data === 'string')
    throw badResponse()
  return data
}
