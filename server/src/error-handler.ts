import type { ErrorRequestHandler } from 'express'
import type { Logger } from 'pino'
import { errorPage } from './error-page'
import { AppError, errorBody, upstreamAppError } from './errors'
import { StoreFullError, StoreUnavailableError } from './store/store'
import { UpstreamError } from './upstream/upstream-error'

interface HttpErrorLike { status?: number, statusCode?: number, type?: string, expose?: boolean }

/** Anything thrown becomes the one error shape; nothing internal (stack, upstream detail, secrets) leaves. */
function toAppError(error: unknown): AppError {
  if (error instanceof AppError)
    return error
  if (error instanceof UpstreamError)
    return upstreamAppError(error)
  if (error instanceof StoreFullError)
    return new AppError(503, 'STORE_FULL', '服务器正忙，请稍后再试；填写的内容已保存', undefined, { 'Retry-After': '30' })
  if (error instanceof StoreUnavailableError)
    return new AppError(503, 'STORE_UNAVAILABLE', '服务暂时不可用，请稍后再试；填写的内容已保存', undefined, { 'Retry-After': '2' })
  const http = error as HttpErrorLike
  const status = http?.status ?? http?.statusCode
  if (http?.type === 'entity.too.large')
    return new AppError(413, 'PAYLOAD_TOO_LARGE', '提交的内容太大了')
  if (http?.type === 'entity.parse.failed')
    return new AppError(400, 'VALIDATION_FAILED', '请求不是合法的 JSON')
  // A 4xx from Express itself (e.g. a path parameter with broken percent-encoding) is the client's error even
  // without `expose`; the message is ours, so nothing internal leaves.
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new AppError(status, 'VALIDATION_FAILED', '请求格式不正确')
  return new AppError(500, 'INTERNAL', '服务器出错了，请稍后再试；填写的内容已保存')
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error)
    const log = appError.status >= 500 ? 'error' : 'warn'
    const upstreamMsg = error instanceof UpstreamError ? error.detail.msg : undefined
    logger[log]({ reqId: req.id, code: appError.code, status: appError.status, err: error instanceof AppError ? undefined : { name: (error as Error)?.name, message: (error as Error)?.message }, ...(upstreamMsg && { upstreamMsg }) }, 'request failed')
    if (res.headersSent)
      return
    res.status(appError.status).set(appError.headers ?? {})
    if (req.originalUrl.startsWith('/auth') && appError.status >= 500) {
      res.type('html').send(errorPage('暂时无法登录', `${appError.message}。`, appError.code))
      return
    }
    res.json(errorBody(appError, req.id))
  }
}
