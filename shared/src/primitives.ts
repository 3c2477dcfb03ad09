import { LIMITS } from './limits'
import { z } from './zod'

export { LIMITS } from './limits'

/** A whole number; non-numbers and fractions get their own messages. */
export function integer(typeMessage: string, integerMessage: string, ...checks: z.core.$ZodCheck<number>[]) {
  return z.number({ error: typeMessage }).check(z.refine(Number.isInteger, integerMessage), ...checks)
}

export function positiveId(label: string) {
  return integer(`${label}必须是数字`, `${label}必须是整数`, z.positive(`${label}必须大于 0`), z.maximum(Number.MAX_SAFE_INTEGER, `${label}过大`))
}

export function isoDateTime(label: string) {
  return z.iso.datetime({ offset: true, error: `${label}必须是 ISO-8601 日期时间，例如 2026-01-31T09:00:00Z` })
}

export function boundedText(label: string, max: number) {
  return z.string({ error: `${label}必须是文字` }).check(z.maxLength(max, `${label}不能超过 ${max} 个字`))
}

export function requiredText(label: string, max: number) {
  return z.string({ error: `${label}必须是文字` }).check(z.maxLength(max, `${label}不能超过 ${max} 个字`), z.trim(), z.minLength(1, `请填写${label}`))
}

/** `moduleConfig` travels upstream verbatim as JSON text, so it must parse. */
export function jsonText(label: string) {
  return z.string().check(
    z.maxLength(LIMITS.moduleConfigLength, `${label}过长`),
    z.refine((text) => {
      try {
        JSON.parse(text)
        return true
      }
      catch {
        return false
      }
    }, `${label}必须是 JSON 文本`),
  )
}

/** A rule over a whole object, reported at one field (`path`), for use in `.check(...)`. */
export function ruleAt<T>(ok: (value: T) => boolean, message: string, path: PropertyKey[]) {
  return z.superRefine<T>((value, ctx) => {
    if (!ok(value))
      ctx.addIssue({ code: 'custom', message, path: [...path], input: value })
  })
}
