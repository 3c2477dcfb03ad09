import type { ApiErrorBody } from '@app/shared'
import type { ErrorRequestHandler } from 'express'
import type { Logger } from 'pino'
import { AppError } from './errors'
import { errorPage } from './features/auth/error-page'
import { StoreFullError, StoreUnavailableError } from './store/store'
import { UpstreamError } from './upstream/upstream-error'

const UPSTREAM_LABEL = { wecom: '企业微信', pulan: '谱蓝云' } as const

/** WeCom refusals an administrator fixes in the console; WeCom's own errmsg (it can name our egress IP) is only logged. */
function wecomRejection(code: number | undefined): AppError {
  if (code === 48002 || code === 48001)
    return new AppError(403, 'WECOM_API_NOT_ALLOWED', '企业微信没有允许本应用读取客户信息：请联系管理员，在企业微信管理后台「客户联系 → 可调用接口的应用」中加入本应用')
  if (code === 60020)
    return new AppError(503, 'WECOM_IP_NOT_TRUSTED', '企业微信拒绝了服务器的访问：请联系管理员，在应用的「企业可信IP」中加入服务器的出口 IP')
  return new AppError(502, 'UPSTREAM_REJECTED', `企业微信拒绝了请求（错误码 ${code ?? '未知'}），请联系管理员`)
}

export function upstreamAppError(error: UpstreamError): AppError {
  const label = UPSTREAM_LABEL[error.upstream]
  if (error.kind === 'rejected' && error.upstream === 'wecom')
    return wecomRejection(error.detail.code)
  // The upstream's own text is logged, never shown: WeCom's errmsg names our egress IP, and neither is for salespeople.
  if (error.kind === 'rejected')
    return new AppError(502, 'UPSTREAM_REJECTED', `${label}没有接受这次请求，请稍后再试；一直这样请联系管理员`)
  const retryAfter = String(error.detail.retryAfterSeconds ?? 2)
  return new AppError(503, 'UPSTREAM_UNAVAILABLE', `${label}暂时无法访问，请稍后再试`, undefined, { 'Retry-After': retryAfter })
}

export function errorBody(error: AppError, requestId: unknown): ApiErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fieldErrors && { fieldErrors: error.fieldErrors }),
      ...(requestId !== undefined && { requestId: String(requestId) }),
    },
  }
}

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
