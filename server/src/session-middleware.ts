import type { RequestHandler, Response } from 'express'
import { unauthenticated } from './errors'
import { readSession, type SessionUser } from './session'

/** Every /api route needs a session; the salesperson comes from it, never from the request body. */
export const requireSession: RequestHandler = (req, res, next) => {
  const user = readSession(req)
  if (!user)
    throw unauthenticated()
  res.locals.user = user
  next()
}

export function sessionUser(res: Response): SessionUser {
  return res.locals.user as SessionUser
}
