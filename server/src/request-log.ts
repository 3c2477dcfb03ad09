import type { Express, Request, RequestHandler } from 'express'
import type { Level, Logger } from 'pino'
import { randomUUID } from 'node:crypto'
import { pathOnly } from './logger'

declare module 'http' {
  interface IncomingMessage {
    /** This request's id: the X-Request-Id header, error bodies and every log line written while serving it. */
    id: string
    /** A logger whose lines carry this request's id, method and path (made when first used). */
    log: Logger
  }
}

/** Successes are counted and timed by the metrics, so their line is debug; refusals info, failures error. */
export function accessLevel(statusCode: number): Level {
  return statusCode >= 500 ? 'error' : statusCode >= 400 ? 'info' : 'debug'
}

/**
 * Gives every request an id (X-Request-Id) and `req.log`, and writes one access line when it ends at the level
 * accessLevel() picks. Unlike pino-http, the request's child logger is made only when a line is written (a child
 * serialises its bindings at once, and at the default level a successful request writes nothing), and `req.log` is a
 * getter on the app's request prototype (Express's place for request additions), not a property added per request.
 */
export function requestLog(app: Express, logger: Logger): RequestHandler {
  const children = new WeakMap<Request, Logger>()
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: Request) {
      let child = children.get(this)
      if (!child) {
        child = logger.child({ req: { id: this.id, method: this.method, url: pathOnly(this.originalUrl) } })
        children.set(this, child)
      }
      return child
    },
  })
  return (req, res, next) => {
    const id = randomUUID()
    const began = performance.now()
    req.id = id
    res.setHeader('X-Request-Id', id)
    // A response emits 'close' once, whether it finished or its connection went away first: one listener, not
    // 'finish' and 'close' with once-wrappers that each had to remove the other.
    res.on('close', () => {
      const level = accessLevel(res.statusCode)
      if (logger.isLevelEnabled(level))
        req.log[level]({ res: { statusCode: res.statusCode }, responseTime: Math.round(performance.now() - began) }, res.statusCode >= 500 ? 'request errored' : 'request completed')
    })
    next()
  }
}
