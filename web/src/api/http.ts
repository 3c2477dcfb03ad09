import type { FieldErrors } from '@app/shared'
import type { Options } from 'ky'
import ky, { HTTPError, TimeoutError } from 'ky'

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

/** The fetch under the client; tests put an in-memory server here. */
export const transport: { fetch: typeof fetch } = { fetch: (input, init) => globalThis.fetch(input, init) }

/**
 * ky hands over a prepared Request whose body is a stream (it keeps a clone for retries). The body is read into memory
 * (JSON, or one photo) and sent as plain bytes: what every browser sends as a normal upload, and what DevTools and the
 * browser tests can read.
 */
async function sendPrepared(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (!(input instanceof Request) || !input.body)
    return transport.fetch(input, init)
  const { url, method, headers, credentials, signal } = input
  return transport.fetch(url, { ...init, method, headers, credentials, signal, body: await input.arrayBuffer() })
}

/** The page's one HTTP client (ky over fetch): same-origin cookies, a time limit on every call, no silent retries. */
export const http = ky.create({ credentials: 'include', timeout: 30_000, retry: 0, fetch: sendPrepared })

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

async function fromFailure(error: unknown): Promise<ApiError> {
  if (error instanceof HTTPError) {
    const { status } = error.response
    const data: unknown = await error.response.json().catch(() => null)
    if (isWireError(data))
      return new ApiError(status, data.error.code, data.error.message, data.error.fieldErrors)
    return new ApiError(status, status >= 500 ? 'UPSTREAM_UNAVAILABLE' : 'BAD_RESPONSE', `服务暂时不可用（${status}），请稍后再试`)
  }
  if (error instanceof TimeoutError)
    return new ApiError(0, 'NETWORK', '网络超时，请检查网络后重试')
  if (error instanceof SyntaxError)
    return badResponse()
  return toApiError(error)
}

export const badResponse = () => new ApiError(200, 'BAD_RESPONSE', '服务器返回的数据格式不对，请稍后再试')

/** One call; resolves with the JSON body of a 2xx, rejects with an ApiError (and sends a 401 to sign-in). */
export async function request(path: string, options: Options = {}): Promise<unknown> {
  try {
    return await http(path, options).json()
  }
  catch (error) {
    const apiError = await fromFailure(error)
    if (apiError.status === 401)
      auth.onUnauthenticated()
    throw apiError
  }
}
