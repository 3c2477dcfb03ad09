import type { Request, RequestHandler } from 'express'
import type { Metrics } from './metrics'

/** The route pattern that answered (`/api/customers/:externalUserId/context`), never the raw URL with its ids. */
function routeOf(req: Request): string {
  return req.route?.path === undefined ? 'unmatched' : `${req.baseUrl}${String(req.route.path)}`
}

/** Counts every answered request and its duration by route pattern, method and status. */
export function httpMetrics(metrics: Pick<Metrics, 'httpRequests' | 'httpDuration'>): RequestHandler {
  return (req, res, next) => {
    const began = performance.now()
    // 'close' comes once per response (after 'finish', or when the connection went away first); only answers that
    // were sent in full are counted. One plain listener: `once('finish')` wrapped each request's in another closure.
    res.on('close', () => {
      if (!res.writableFinished)
        return
      const labels = { route: routeOf(req), method: req.method, status: String(res.statusCode) }
      metrics.httpRequests.inc(labels)
      metrics.httpDuration.observe(labels, (performance.now() - began) / 1000)
    })
    next()
  }
}
