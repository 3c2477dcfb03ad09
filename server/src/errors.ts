import type { ApiErrorBody, ErrorCode, FieldErrors } from '@app/shared'
import type { UpstreamError } from './upstream/upstream-error'

/** The one error type services throw; the error handler turns it into `{ error: { code, message, fieldErrors? } }`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', '登录已过期，请重新打开页面')
export function validationFailed(fieldErrors: FieldErrors, message = '提交的内容有误，请检查标红的项') {
  return new AppError(400, 'VALIDATION_FAILED', message, fieldErrors)
}

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
