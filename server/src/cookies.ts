import type { NextFunction, Request, RequestHandler, Response } from 'express'
import cookieParser from 'cookie-parser'
import { LRUCache } from 'lru-cache'

interface Parsed { cookies: Record<string, unknown>, signedCookies: Record<string, unknown> }

/**
 * Objects that inherit nothing, like `Object.create(null)`, but in V8's fast mode: an
 * `Object.create(null)` object is a hash table from the start (two per request).
 */
const NullPrototype = function () {} as unknown as new () => Record<string, unknown>
NullPrototype.prototype = Object.create(null)

/**
 * cookie-parser with its answers remembered per Cookie header. A phone sends the same header on every request, and
 * checking the signed session cookie (HMAC) was the costliest step of a small API call; the same header with the same
 * secret always parses and verifies the same way, so a remembered answer is the answer. A changed or forged header is
 * a new key and goes through cookie-parser. Each request gets its own copies, so nothing it changes leaks to another.
 */
export function rememberedCookies(secret: string, max = 2000): RequestHandler {
  const parse = cookieParser(secret)
  const remembered = new LRUCache<string, Parsed>({ max })
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.cookie
    const known = header === undefined ? undefined : remembered.get(header)
    if (!known) {
      return parse(req, res, (error?: unknown) => {
        if (header !== undefined && error === undefined)
          remembered.set(header, { cookies: { ...req.cookies }, signedCookies: { ...req.signedCookies } })
        next(error)
      })
    }
    req.secret = secret
    req.cookies = Object.assign(new NullPrototype(), known.cookies)
    req.signedCookies = Object.assign(new NullPrototype(), known.signedCookies)
    next()
  }
}
