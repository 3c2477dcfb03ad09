import type { Request, RequestHandler, Response } from 'express'
import type { Options, Store } from 'express-rate-limit'
import { MemoryStore } from 'express-rate-limit'

export interface Limit {
  /** For the log line when its store fails. */
  name: string
  limit: number
  windowMs: number
  key: (req: Request, res: Response) => string
  /** express-rate-limit's Store interface: its MemoryStore by default, rate-limit-redis with REDIS_URL. */
  store?: Store | undefined
  /** Whether answers carry its RateLimit / RateLimit-Policy headers (draft-7, as express-rate-limit writes them). */
  headers: boolean
}

export interface LimitHooks {
  /** A store that failed: the request is let through uncounted by that limit (the store-backed routes answer 503 themselves). */
  onStoreError: (limit: Limit, error: unknown) => void
  /** Answers a request over `limit`. */
  refuse: (req: Request, res: Response, limit: Limit) => void
}

/**
 * Several fixed-window limits checked in order in one middleware: a request over one is refused and not counted by
 * the ones after it. The counting is express-rate-limit's (its stores, keys and headers); its middleware wrapped each
 * limit in several promise layers, debug calls and per-request option lookups, a tenth of a small API call's CPU.
 */
export function limitRequests(limits: Limit[], hooks: LimitHooks): RequestHandler {
  const counted = limits.map((limit) => {
    const store = limit.store ?? new MemoryStore()
    void Promise.resolve(store.init?.({ windowMs: limit.windowMs } as Options)).catch(error => hooks.onStoreError(limit, error))
    return { limit, store, policy: `${limit.limit};w=${Math.ceil(limit.windowMs / 1000)}` }
  })
  return async (req, res, next) => {
    for (const { limit, store, policy } of counted) {
      let hits
      try {
        hits = await store.increment(limit.key(req, res))
      }
      catch (error) {
        hooks.onStoreError(limit, error)
        continue
      }
      if (limit.headers && !res.headersSent) {
        const reset = hits.resetTime ? Math.max(0, Math.ceil((hits.resetTime.getTime() - Date.now()) / 1000)) : Math.ceil(limit.windowMs / 1000)
        res.setHeader('RateLimit-Policy', policy)
        res.setHeader('RateLimit', `limit=${limit.limit}, remaining=${Math.max(limit.limit - hits.totalHits, 0)}, reset=${reset}`)
      }
      if (hits.totalHits > limit.limit)
        return hooks.refuse(req, res, limit)
    }
    next()
  }
}
