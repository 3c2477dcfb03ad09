import type { TestServer } from '../test/support/harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../test/support/harness'

let server: TestServer
let cookie: string
beforeAll(async () => {
  server = await startTestServer({ env: { RATE_LIMIT_API_PER_USER: '5', RATE_LIMIT_AUTH_PER_IP: '8' } })
  cookie = await server.login()
})
afterAll(() => server.close())

describe('security headers', () => {
  it('sends a CSP, nosniff and no X-Powered-By', async () => {
    const response = await server.api('/healthz')
    const csp = response.headers.get('content-security-policy')!
    expect(csp).toContain('default-src \'self\'')
    expect(csp).toContain('script-src \'self\'')
    expect(csp).toContain('object-src \'none\'')
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  it('gives every response a request id, also in error bodies', async () => {
    const response = await server.api('/api/me')
    const id = response.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.body.error.requestId).toBe(id)
  })
})

describe('compression', () => {
  it.each([['br', 'br'], ['gzip', 'gzip']])('compresses JSON answers with %s when the client accepts it', async (accept, encoding) => {
    // Another salesperson, so the per-salesperson rate limit test below starts from zero.
    const wangqiang = await server.login('wangqiang')
    const response = await fetch(`${server.url}/api/customers/wmDemoZhengKai06/context`, { headers: { 'cookie': wangqiang, 'accept-encoding': accept } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe(encoding)
    expect((await response.json()).customer.name).toBe('郑凯')
  })
})

describe('rate limits', () => {
  it('answers 429 RATE_LIMITED with Retry-After per salesperson on /api, without touching another salesperson', async () => {
    const answers = []
    for (let i = 0; i < 7; i++)
      answers.push(await server.api('/api/me', { cookie }))
    const statuses = answers.map(answer => answer.status)
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200])
    // The per-salesperson limit is the one an answer reports (the per-IP limit is far more generous).
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('5;w=60')
    expect(answers[0]!.headers.get('ratelimit')).toBe('limit=5, remaining=4, reset=60')
    const limited = await server.api('/api/me', { cookie })
    expect(limited.status).toBe(429)
    expect(limited.body.error.code).toBe('RATE_LIMITED')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    const lina = await server.login('lina')
    expect((await server.api('/api/me', { cookie: lina })).status).toBe(200)
  })

  it('limits /auth per IP', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 10; i++)
      statuses.push((await server.api(`/auth/login?returnTo=%2F`)).status)
    expect(statuses).toContain(429)
  })
})

describe('/readyz', () => {
  it('reports ready while the store answers', async () => {
    const response = await server.api('/readyz')
    expect(response.status).toBe(200)
    expect(response.body.status).toBe('ready')
  })
})
