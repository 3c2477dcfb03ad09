import type { Request, Response } from 'express'
import { randomBytes } from 'node:crypto'
import { OAUTH_STATE_TTL_MS } from './oauth-state'

/**
 * Binds a sign-in to the browser that started it (login CSRF): `/auth/login` sets a short-lived HttpOnly cookie, and
 * `/auth/callback` only accepts a state issued to the same cookie. SameSite=Lax still travels on WeCom's top-level
 * redirect back to us, so the in-app silent sign-in keeps working. The value is reused while valid, so two tabs
 * signing in at once both succeed.
 */
export const SIGNIN_COOKIE = 'fu_signin'

export function signinBinding(req: Request): string | null {
  const value: unknown = req.cookies?.[SIGNIN_COOKIE]
  return typeof value === 'string' && /^[\w-]{43}$/.test(value) ? value : null
}

export function ensureSigninBinding(req: Request, res: Response, secure: boolean): string {
  const value = signinBinding(req) ?? randomBytes(32).toString('base64url')
  res.cookie(SIGNIN_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure, maxAge: OAUTH_STATE_TTL_MS, path: '/auth' })
  return value
}
