import type { RequestHandler } from 'express'
import type { Server } from 'node:http'
import type { Registry } from 'prom-client'
import { timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import { AppError, errorBody } from '../errors'

/** `GET /metrics` on the app's own port, for a scraper that presents the bearer token (METRICS_TOKEN). */
export function metricsWithToken(registry: Registry, token: string): RequestHandler {
  const expected = Buffer.from(`Bearer ${token}`)
  return async (req, res) => {
    const given = Buffer.from(req.get('authorization') ?? '')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.status(401).set('WWW-Authenticate', 'Bearer').json(errorBody(new AppError(401, 'UNAUTHENTICATED', '需要监控令牌'), req.id))
      return
    }
    res.set('Content-Type', registry.contentType).set('Cache-Control', 'no-store').send(await registry.metrics())
  }
}

/** A listener of its own (loopback by default) that answers only `GET /metrics`. */
export async function startMetricsServer(registry: Registry, host: string, port: number): Promise<{ server: Server, url: string }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found')
      return
    }
    registry.metrics().then(
      text => res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics unavailable'),
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as { port: number }
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/metrics` }
}
