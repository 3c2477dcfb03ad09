import { z } from './zod'

/** `POST /api/jssdk/bad-signature`: the client rejected a signature made with this ticket. */
export const BadSignatureReport = z.strictObject({
  ticket: z.enum(['jsapi', 'agent'], { error: 'ticket 只能是 jsapi 或 agent' }),
})
export type BadSignatureReport = z.infer<typeof BadSignatureReport>
export const BadSignatureAnswer = z.object({ refreshed: z.boolean() })

/** Where the page runs, from its user agent: what an operator needs, nothing about the person. */
export const CLIENT_PLATFORMS = ['ios', 'android', 'windows', 'mac', 'other'] as const

/**
 * `POST /api/client-reports`: a WeCom JS-SDK failure the page met (handshake, signature, permission, timeout), for
 * operators. Only short machine words: no names, ids, URLs or free text.
 */
export const ClientReport = z.strictObject({
  /** The JS-SDK call: `agentConfig`, `config`, `getContext`, `getLocation`, ... */
  api: z.string().check(z.regex(/^[A-Z]{1,40}$/i, 'api 格式不对')),
  /** The error keyword after the colon of err_msg, normalised: `invalid signature`, `no permission`, `timeout`. */
  keyword: z.string().check(z.regex(/^[a-z0-9 _-]{1,48}$/, 'keyword 格式不对')),
  entry: z.optional(z.string().check(z.regex(/^[a-z_]{1,40}$/, 'entry 格式不对'))),
  clientVersion: z.optional(z.string().check(z.regex(/^\d{1,3}(\.\d{1,5}){0,3}$/, 'clientVersion 格式不对'))),
  platform: z.enum(CLIENT_PLATFORMS),
})
export type ClientReport = z.infer<typeof ClientReport>
