import type { Request, Response } from 'express'
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

/** What each request's session cookie said: the rate limiter's key and requireSession both ask, the cookie is read once. */
const readSessions = new WeakMap<Request, SessionUser | null>()

export function readSession(req: Request): SessionUser | null {
  if (!req.signedCookies)
    return null
  let user = readSessions.get(req)
  if (user === undefined) {
    user = sessionIn(req.signedCookies?.[SESSION_COOKIE])
    readSessions.set(req, user)
  }
  return user
}

function sessionIn(raw: unknown): SessionUser | null {
  if (typeof raw !== 'string')
    return null
  try {
    const payload = SessionPayload.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')))
    if (payload.exp * 1000 <= Date.now())
      return null
    const { exp: _exp, ...user } = payload
    return user
  }
  catch {
    return null
  }
}
