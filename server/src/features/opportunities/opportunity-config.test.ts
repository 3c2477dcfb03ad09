import type { TestServer } from '../../../test/support/harness'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../../../test/support/harness'
import { newKey } from '../../../test/support/submission'

const ZHOU_MIN = 'wmDemoZhouMin03'
function create(server: TestServer, cookie: string, body: unknown, key = newKey()) {
  return server.api('/api/opportunities', { method: 'POST', body, cookie, headers: { 'Idempotency-Key': key } })
}

describe('without BUSINESS_LINES_FILE (live mode)', () => {
  let server: TestServer
  let cookie: string
  beforeAll(async () => {
    // Credentials set and SANDBOX off: the settings of a live deployment, pointed at the sandbox by the harness.
    server = await startTestServer({ env: { SANDBOX: '0', WECOM_CORP_ID: 'ww1', WECOM_AGENT_ID: '1', WECOM_SECRET: 's', PULAN_BASE_URL: 'http://127.0.0.1:9', PULAN_APP_KEY: 'k', PULAN_APP_SECRET: 's' } })
    cookie = await server.login('zhangwei')
  })
  afterAll(() => server.close())

  it('does not offer 新建商机: the context has no lines and creating answers a clear 404', async () => {
    const context = await server.api(`/api/customers/${ZHOU_MIN}/context`, { cookie })
    expect(context.status).toBe(200)
    expect(context.body).not.toHaveProperty('businessLines')
    const response = await create(server, cookie, { externalUserId: ZHOU_MIN, lineId: 1, processId: 11 })
    expect(response.status).toBe(404)
    expect(response.body.error).toMatchObject({ code: 'BUSINESS_CREATE_DISABLED', message: expect.stringContaining('管理员') })
    expect(server.sandbox.records.count('pulan.createBusiness')).toBe(0)
  })
})

describe('a line the administrator configured but 谱蓝云 refuses', () => {
  let server: TestServer
  let cookie: string
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lines-'))
    const file = join(dir, 'lines.json')
    writeFileSync(file, JSON.stringify({ lines: [{ lineId: 9, lineName: '已在控制台删除', processes: [{ processId: 91, processName: '旧流程' }] }] }))
    server = await startTestServer({ env: { BUSINESS_LINES_FILE: file } })
    cookie = await server.login('zhangwei')
  })
  afterAll(() => server.close())

  it('answers 502 (谱蓝云\'s reason only in the log), creates nothing, and replays the refusal for the same key', async () => {
    const key = newKey()
    const body = { externalUserId: ZHOU_MIN, lineId: 9, processId: 91 }
    const response = await create(server, cookie, body, key)
    expect(response.status).toBe(502)
    // Upstream text never reaches the browser (it can carry internals); the administrator finds it in the log.
    expect(response.body.error).toMatchObject({ code: 'UPSTREAM_REJECTED', message: expect.stringMatching(/谱蓝云/) })
    expect(JSON.stringify(response.body)).not.toContain('lineId 9 对应的业务线不存在')
    expect(server.logLines.some(line => line.includes('lineId 9 对应的业务线不存在'))).toBe(true)
    expect(server.sandbox.records.createBusinesses).toHaveLength(0)
    const again = await create(server, cookie, body, key)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(server.sandbox.records.count('pulan.createBusiness')).toBe(1)
  })
})
