import type { Request, Response } from 'express'
import { LRUCache } from 'lru-cache'
import { z } from 'zod'

export const SESSION_COOKIE = 'fu_session'

const SessionPayload = z.object({
  wecomUserId: z.string().min(1),
  pulanUserId: z.number().int().positive(),
  name: z.string(),
  exp: z.number().int(),
})
export type SessionUser = Omit<z.infer<typeof SessionPayload>, 'exp'>

export interface SessionOptions { ttlSeconds: number, secure: boolean }

/** The session lives in a signed (HMAC, cookie-parser) HttpOnly cookie that also carries its own expiry. */
export function writeSession(res: Response, user: SessionUser, options: SessionOptions) {
  const exp = Math.floor(Date.now() / 1000) + options.ttlSeconds
  const value = Buffer.from(JSON.stringify({ ...user, exp })).toString('base64url')
  res.cookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    signed: true,
    maxAge: options.ttlSeconds * 1000,
    path: '/',
  })
}

/**
 * Session cookies already read, by their (signature-checked) value: a phone sends the same one on every request, and
 * its payload never changes; only its expiry is checked each time.
 */
const readPayloads = new LRUCache<string, z.infer<typeof SessionPayload>>({ max: 2000 })

export function readSession(req: Request): SessionUser | null {
  const raw: unknown = req.signedCookies?.[SESSION_COOKIE]
  if (typeof raw !== 'string')
    return null
  const payload = readPayloads.get(raw) ?? payloadOf(raw)
  if (!payload || payload.exp * 1000 <= Date.now())
    return null
  const { exp: _exp, ...user } = payload
  return user
}

function payloadOf(raw: string) {
  try {
    const payload = SessionPayload.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')))
    readPayloads.set(raw, payload)
    return payload
  }
  catch {
    return null
  }
}
