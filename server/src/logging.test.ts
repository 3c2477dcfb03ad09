import type { TestServer } from '../test/support/harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../test/support/harness'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

describe('logs', () => {
  it('carry the request id on every line written while serving a request', async () => {
    const cookie = await server.login('zhangwei')
    const from = server.logLines.length
    await server.api('/api/me')
    await server.api('/auth/callback?state=forged&code=x')
    await server.api('/api/customers/wmDemoChenJing01/context', { cookie })
    await server.api('/api/customers/wmDemoSunHao04/context', { cookie })
    const lines = server.logLines.slice(from).map(line => JSON.parse(line) as { req?: { id?: string }, reqId?: string })
    expect(lines.length).toBeGreaterThanOrEqual(5)
    for (const line of lines)
      expect(line.req?.id ?? line.reqId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('log the path of a request, never its query (OAuth codes, tokens)', async () => {
    const from = server.logLines.length
    await server.api('/auth/callback?state=forged&code=secret-oauth-code-123')
    const written = server.logLines.slice(from).join('\n')
    expect(written).toContain('/auth/callback')
    expect(written).not.toContain('secret-oauth-code-123')
  })
})
