import type { FieldErrors } from '@app/shared'
import { ApiErrorBody } from '@app/shared'
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

export const http = axios.create({ timeout: 30_000, withCredentials: true })

/** Where the page goes when the session is missing or expired; replaceable in tests. */
export const auth = {
  onUnauthenticated(): void {
    const returnTo = location.pathname + location.search
    location.assign(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`)
  },
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError)
    return error
  if (isAxiosError(error) && error.response) {
    const { status, data } = error.response
    const body = ApiErrorBody.safeParse(data)
    if (body.success)
      return new ApiError(status, body.data.error.code, body.data.error.message, body.data.error.fieldErrors)
    return new ApiError(status, status >= 500 ? 'UPSTREAM_UNAVAILABLE' : 'BAD_RESPONSE', `服务暂时不可用（${status}），请稍后再试`)
  }
  if (isAxiosError(error) && error.code === 'ECONNABORTED')
    return new ApiError(0, 'NETWORK', '网络超时，请检查网络后重试')
  return new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试')
}

http.interceptors.response.use(undefined, (error: unknown) => {
  const apiError = toApiError(error)
  if (apiError.status === 401)
    auth.onUnauthenticated()
  return Promise.reject(apiError)
})

/** Parses a response body with a shared schema, so a changed server shows up as a clear error, not a broken page. */
export function parseWith<T>(schema: { safeParse: (data: unknown) => { success: true, data: T } | { success: false } }, data: unknown): T {
  const parsed = schema.safeParse(data)
  if (!parsed.success)
    throw new ApiError(200, 'BAD_RESPONSE', '服务器返回的数据格式不对，请稍后再试')
  return parsed.data
}
