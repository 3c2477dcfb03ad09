import type { TestServer } from '../../../test/support/harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, TEST_PUBLIC_URL } from '../../../test/support/harness'
import { signJsapi } from './signature'

let server: TestServer
let cookie: string
beforeAll(async () => {
  server = await startTestServer()
  cookie = await server.login()
})
afterAll(() => server.close())

const config = (url: unknown, as = cookie) => server.api('/api/jssdk/config', { method: 'POST', body: { url }, cookie: as })

describe('pOST /api/jssdk/config', () => {
  it('signs both configs in one round trip, with signatures that verify against the tickets', async () => {
    const pageUrl = `${TEST_PUBLIC_URL}/?customer=wmDemoChenJing01`
    const response = await config(`${pageUrl}#/form`)
    expect(response.status).toBe(200)
    const { corpId, agentId, config: corp, agentConfig: agent } = response.body
    expect(corpId).toBe(server.sandbox.credentials.corpId)
    expect(agentId).toBe(server.sandbox.credentials.agentId)
    const jsapiTicket = await server.deps.wecom.getJsapiTicket()
    const agentTicket = await server.deps.wecom.getAgentTicket()
    expect(jsapiTicket).not.toBe(agentTicket)
    expect(corp.signature).toBe(signJsapi(jsapiTicket, pageUrl, corp.nonceStr, corp.timestamp))
    expect(agent.signature).toBe(signJsapi(agentTicket, pageUrl, agent.nonceStr, agent.timestamp))
    expect(Math.abs(corp.timestamp - Date.now() / 1000)).toBeLessThan(60)
  })

  it('is never cached: no-store, and no ETag to revalidate with', async () => {
    const response = await config(`${TEST_PUBLIC_URL}/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('etag')).toBeNull()
  })

  it.each([
    ['another origin', 'https://evil.example/'],
    ['another port', 'http://localhost:3001/'],
    ['another scheme', 'https://localhost:3000/'],
  ])('refuses to sign a page of %s', async (_name, url) => {
    const response = await config(url)
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe('ORIGIN_NOT_ALLOWED')
  })

  it.each([['not a URL', 'hello'], ['a number', 42], ['missing', undefined], ['a javascript: URL', 'javascript:alert(1)']])(
    'answers 400 VALIDATION_FAILED when the url is %s',
    async (_name, url) => {
      const response = await config(url)
      expect(response.status).toBe(400)
      expect(response.body.error.code).toBe('VALIDATION_FAILED')
    },
  )

  it('needs a session', async () => {
    expect((await config(`${TEST_PUBLIC_URL}/`, '')).status).toBe(401)
  })

  it('answers its preflight without a session and without granting another origin', async () => {
    const preflight = await server.api('/api/jssdk/config', { method: 'OPTIONS', headers: { 'Origin': 'https://evil.example', 'Access-Control-Request-Method': 'POST' } })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('tokens and tickets', () => {
  it('fetches one token and one of each ticket for two hundred concurrent first requests', async () => {
    const fresh = await startTestServer()
    try {
      const session = await fresh.login()
      const before = { token: fresh.sandbox.records.count('wecom.gettoken'), jsapi: fresh.sandbox.records.count('wecom.jsapiTicket'), agent: fresh.sandbox.records.count('wecom.agentTicket') }
      expect(before).toEqual({ token: 1, jsapi: 0, agent: 0 })
      const responses = await Promise.all(Array.from({ length: 200 }, () =>
        fresh.api('/api/jssdk/config', { method: 'POST', body: { url: `${TEST_PUBLIC_URL}/` }, cookie: session })))
      expect(responses.every(r => r.status === 200)).toBe(true)
      expect(fresh.sandbox.records.count('wecom.gettoken')).toBe(1)
      expect(fresh.sandbox.records.count('wecom.jsapiTicket')).toBe(1)
      expect(fresh.sandbox.records.count('wecom.agentTicket')).toBe(1)
    }
    finally {
      await fresh.close()
    }
  })

  it('heals an expired token with one refresh and one retry', async () => {
    const fresh = await startTestServer()
    try {
      const session = await fresh.login()
      fresh.sandbox.expireTokens()
      const response = await fresh.api('/api/customers/wmDemoChenJing01/context', { cookie: session })
      expect(response.status).toBe(200)
      expect(fresh.sandbox.records.count('wecom.gettoken')).toBe(2)
      expect(fresh.sandbox.records.count('pulan.token')).toBe(2)
    }
    finally {
      await fresh.close()
    }
  })

  it('heals an upstream that says "token expired" once', async () => {
    server.sandbox.faults.set('wecom.externalcontact', { kind: 'tokenExpired' }, { times: 1 })
    server.sandbox.faults.set('pulan.customer', { kind: 'tokenExpired' }, { times: 1 })
    const tokens = { wecom: server.sandbox.records.count('wecom.gettoken'), pulan: server.sandbox.records.count('pulan.token') }
    const response = await server.api('/api/customers/wmDemoChenJing01/context', { cookie })
    expect(response.status).toBe(200)
    expect(server.sandbox.records.count('wecom.gettoken')).toBe(tokens.wecom + 1)
    expect(server.sandbox.records.count('pulan.token')).toBe(tokens.pulan + 1)
  })
})

describe('pOST /api/jssdk/bad-signature', () => {
  it('re-fetches the reported ticket at once, so the next signature uses a new one; again within a minute it does not', async () => {
    const fresh = await startTestServer()
    try {
      const issued = (endpoint: 'wecom.agentTicket' | 'wecom.jsapiTicket') => fresh.sandbox.records.requests.filter(r => r.endpoint === endpoint && r.code === 0).length
      const session = await fresh.login()
      const sign = async () => (await fresh.api('/api/jssdk/config', { method: 'POST', body: { url: `${TEST_PUBLIC_URL}/` }, cookie: session })).body
      await sign()
      const stale = await fresh.deps.wecom.getAgentTicket()
      // WeCom stopped honouring the ticket before its expiry (the cache still holds it).
      fresh.sandbox.expireTokens()
      const report = await fresh.api('/api/jssdk/bad-signature', { method: 'POST', body: { ticket: 'agent' }, cookie: session })
      expect(report.status).toBe(200)
      expect(report.body).toEqual({ refreshed: true })
      expect(issued('wecom.agentTicket')).toBe(2)
      const renewed = await fresh.deps.wecom.getAgentTicket()
      expect(renewed).not.toBe(stale)
      const { agentConfig } = await sign()
      expect(agentConfig.signature).toBe(signJsapi(renewed, `${TEST_PUBLIC_URL}/`, agentConfig.nonceStr, agentConfig.timestamp))
      expect(issued('wecom.jsapiTicket')).toBe(1)

      const again = await fresh.api('/api/jssdk/bad-signature', { method: 'POST', body: { ticket: 'agent' }, cookie: session })
      expect(again.body).toEqual({ refreshed: false })
      expect(issued('wecom.agentTicket')).toBe(2)
    }
    finally {
      await fresh.close()
    }
  })

  it.each([[{ ticket: 'other' }], [{}], [{ ticket: 'agent', extra: 1 }]])('refuses %j with VALIDATION_FAILED', async (body) => {
    const answer = await server.api('/api/jssdk/bad-signature', { method: 'POST', body, cookie })
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('VALIDATION_FAILED')
  })

  it('needs a session', async () => {
    expect((await server.api('/api/jssdk/bad-signature', { method: 'POST', body: { ticket: 'jsapi' } })).status).toBe(401)
  })
})
