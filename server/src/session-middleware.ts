import type { RequestHandler, Response } from 'express'
import type { SessionUser } from './session'
import { unauthenticated } from './errors'
import { readSession } from './session'

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
