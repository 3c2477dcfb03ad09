import { z } from './zod'

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_YOUR_CUSTOMER',
  'CUSTOMER_NOT_FOUND',
  'NOT_GROUP_MEMBER',
  'NOT_CUSTOMER_GROUP',
  'GROUP_DISMISSED',
  'GROUP_NO_PERMISSION',
  'BUSINESS_NOT_FOUND',
  'STAGE_NOT_ALLOWED',
  'TEMPLATE_NOT_FOUND',
  'BUSINESS_LINE_NOT_FOUND',
  'BUSINESS_PROCESS_NOT_FOUND',
  'BUSINESS_CREATE_DISABLED',
  'MODULE_ANSWER_INVALID',
  'MODULE_REQUIRED',
  'ORIGIN_NOT_ALLOWED',
  'CROSS_SITE_REQUEST',
  'IDEMPOTENCY_KEY_INVALID',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_FLIGHT',
  'FILE_MISSING',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_FILE_TYPE',
  'FILE_CONTENT_MISMATCH',
  'FILE_NOT_FOUND',
  'UPLOADS_BUSY',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'NOT_FOUND',
  'UPSTREAM_REJECTED',
  'WECOM_API_NOT_ALLOWED',
  'WECOM_IP_NOT_TRUSTED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_OUTCOME_UNKNOWN',
  'STORE_UNAVAILABLE',
  'STORE_FULL',
  'INTERNAL',
] as const
export const ErrorCode = z.enum(ERROR_CODES)
export type ErrorCode = z.infer<typeof ErrorCode>

/** The one error shape on the wire: Chinese `message` for people, stable `code` for programs. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fieldErrors: z.optional(z.record(z.string(), z.array(z.string()))),
    requestId: z.optional(z.string()),
  }),
})
export type ApiErrorBody = z.infer<typeof ApiErrorBody>
export type FieldErrors = Record<string, string[]>

/** Flattens zod issues into `{ "detailList.0.detail.0": ["…"] }`; the empty path becomes `_form`. */
export function toFieldErrors(issues: readonly { path: readonly PropertyKey[], message: string }[]): FieldErrors {
  const fieldErrors: FieldErrors = {}
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_form'
    ;(fieldErrors[key] ??= []).push(issue.message)
  }
  return fieldErrors
}
