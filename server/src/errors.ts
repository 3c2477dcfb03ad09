import type { ErrorCode, FieldErrors } from '@app/shared'

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
