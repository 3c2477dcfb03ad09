import type { FieldErrors } from '@app/shared'
import type { AxiosProgressEvent } from 'axios'
import axios, { isAxiosError } from 'axios'

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

/**
 * The page's one HTTP client (axios, as the design card fixes): same-origin cookies, a time limit on every call, no
 * silent retries. In the browser it sends with XMLHttpRequest, which reports upload progress; tests put an in-memory
 * server behind it (`testing/fakeServer.ts`).
 */
export const http = axios.create({
  timeout: 30_000,
  withCredentials: true,
  // The server refuses cross-site writes by their origin and sets no XSRF cookie: without this, axios looks the cookie
  // up before every request (in Chrome an asynchronous cookieStore call that holds the request back).
  withXSRFToken: false,
})

export interface RequestOptions {
  method?: 'get' | 'post'
  json?: unknown
  body?: FormData
  headers?: Record<string, string>
  timeout?: number
  onUploadProgress?: (event: AxiosProgressEvent) => void
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

function fromFailure(error: unknown): ApiError {
  if (isAxiosError(error) && error.response) {
    const { status, data } = error.response
    if (isWireError(data))
      return new ApiError(status, data.error.code, data.error.message, data.error.fieldErrors)
    return new ApiError(status, status >= 500 ? 'UPSTREAM_UNAVAILABLE' : 'BAD_RESPONSE', `服务暂时不可用（${status}），请稍后再试`)
  }
  if (isAxiosError(error) && (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT'))
    return new ApiError(0, 'NETWORK', '网络超时，请检查网络后重试')
  return toApiError(error)
}

export const badResponse = () => new ApiError(200, 'BAD_RESPONSE', '服务器返回的数据格式不对，请稍后再试')

/** One call; resolves with the JSON body of a 2xx, rejects with an ApiError (and sends a 401 to sign-in). */
export async function request(path: string, options: RequestOptions = {}): Promise<unknown> {
  const { json, body, ...rest } = options
  let data: unknown
  try {
    data = (await http.request<unknown>({ url: path, ...rest, data: json ?? body })).data
  }
  catch (error) {
    const apiError = fromFailure(error)
    if (apiError.status === 401)
      auth.onUnauthenticated()
    throw apiError
  }
  // axios hands over text it could not parse as JSON: a 2xx must carry JSON (an HTML portal page is a BAD_RESPONSE).
  if (typeof data === 'string') {
    if (data === '')
      return null
    throw badResponse()
  }
  return data
}
