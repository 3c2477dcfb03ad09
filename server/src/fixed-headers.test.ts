import type { RequestHandler } from 'express'
import type { AppConfig } from './config'
import express from 'express'
import helmet from 'helmet'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { fixedHeaders } from './fixed-headers'
import { securityHeaders } from './hardening'

async function headersFrom(middleware: RequestHandler) {
  const app = express()
  app.use(middleware)
  app.get('/', (_req, res) => {
    res.send('ok')
  })
  const { headers } = await request(app).get('/')
  const { date: _date, etag: _etag, ...rest } = headers
  return rest
}

describe('fixedHeaders', () => {
  it.each([
    ['helmet\'s defaults', () => helmet()],
    ['helmet with our directives', () => helmet({ contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ['\'self\''] } }, strictTransportSecurity: { maxAge: 10 } })],
  ])('sends exactly what %s sends', async (_name, make) => {
    expect(await headersFrom(fixedHeaders(make()))).toEqual(await headersFrom(make()))
  })

  it('sends the security headers the app is configured with', async () => {
    const headers = await headersFrom(securityHeaders({ sandbox: false, publicUrl: 'https://sidebar.example.com' } as AppConfig))
    expect(headers['content-security-policy']).toContain('frame-ancestors \'self\'')
    expect(headers['strict-transport-security']).toBe('max-age=15552000; includeSubDomains')
    expect(headers['referrer-policy']).toBe('no-referrer')
  })

  it.each([
    ['reads the request', ((req, _res, next) => { void req.headers; next() }) as RequestHandler],
    ['answers', ((_req, res) => { res.status(204).end() }) as RequestHandler],
    ['finishes later', ((_req, _res, next) => { setTimeout(next, 1) }) as RequestHandler],
  ])('refuses a middleware that %s', (_name, middleware) => {
    expect(() => fixedHeaders(middleware)).toThrow(/fixedHeaders/)
  })
})
