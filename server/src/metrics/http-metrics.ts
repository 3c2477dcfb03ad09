import type { Request, RequestHandler } from 'express'
import type { Metrics } from './metrics'

/** The route pattern that answered (`/api/customers/:externalUserId/context`), never the raw URL with its ids. */
function routeOf(req: Request): string {
  return req.route?.path === undefined ? 'unmatched' : `${req.baseUrl}${String(req.route.path)}`
}

/** Counts every answered request and its duration by route pattern, method and status. */
export function httpMetrics(metrics: Pick<Metrics, 'httpRequests' | 'httpDuration'>): RequestHandler {
  return (req, res, next) => {
    const began = process.hrtime.bigint()
    res.once('finish', () => {
      const labels = { route: routeOf(req), method: req.method, status: String(res.statusCode) }
      metrics.httpRequests.inc(labels)
      metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - began) / 1e9)
    })
    next()
  }
}
