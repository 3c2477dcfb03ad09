import type { TestServer } from '../test/support/harness'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { smallPng } from '../test/reliability/drivers'
import { authorizeAt, startTestServer, TEST_PUBLIC_URL } from '../test/support/harness'
import { fullSubmission, newKey } from '../test/support/submission'

// What WeCom really writes into errmsg: our server's egress IP and a hint.
const WECOM_ERRMSG = 'invalid parameter, hint: [1700000000_1_abc], from ip: 203.0.113.77, more info at https://open.work.weixin.qq.com/devtool/query?e=40058'
const PULAN_MSG = '内部错误 host=10.1.2.3 trace=pulan-internal-9f8e'

let server: TestServer
let cookie: string
beforeAll(async () => {
  server = await startTestServer()
  cookie = await server.login('zhangwei')
})
afterAll(() => server.close())
beforeEach(() => server.sandbox.faults.clear())

const leaks = (text: string) => /203\.0\.113\.77|from ip|hint:|10\.1\.2\.3|pulan-internal/.test(text)

describe('upstream error text stays in the log', () => {
  it('shows a fixed Chinese sign-in page with the code when WeCom rejects the sign-in code lookup', async () => {
    const started = await authorizeAt(server.url)
    server.sandbox.faults.set('wecom.getuserinfo', { kind: 'rejected', code: 40058, msg: WECOM_ERRMSG })
    const done = await server.api(started.path, { cookie: started.cookie })
    expect(done.status).toBe(502)
    expect(done.body).toContain('UPSTREAM_REJECTED')
    expect(done.body).toMatch(/企业微信/)
    expect(leaks(done.body)).toBe(false)
    expect(server.logLines.some(line => line.includes('203.0.113.77'))).toBe(true)
  })

  it('answers an API call with the fixed message and code when WeCom rejects the ticket request', async () => {
    server.sandbox.faults.set('wecom.jsapiTicket', { kind: 'rejected', code: 40058, msg: WECOM_ERRMSG })
    server.sandbox.faults.set('wecom.agentTicket', { kind: 'rejected', code: 40058, msg: WECOM_ERRMSG })
    const response = await server.api('/api/jssdk/config', { body: { url: `${TEST_PUBLIC_URL}/?fresh=${newKey()}` }, cookie })
    expect(response.status).toBe(502)
    expect(response.body.error.code).toBe('UPSTREAM_REJECTED')
    expect(leaks(JSON.stringify(response.body))).toBe(false)
  })

  it('answers a refused follow-up with the fixed message and code, the 谱蓝云 text only in the log', async () => {
    const file = (await server.api('/api/files', { form: smallPng(), cookie })).body
    server.sandbox.faults.set('pulan.addFollow', { kind: 'rejected', code: 500, msg: PULAN_MSG })
    const response = await server.api('/api/follow-ups', { body: fullSubmission(file), cookie, headers: { 'Idempotency-Key': newKey() } })
    expect(response.status).toBe(502)
    expect(response.body.error).toMatchObject({ code: 'UPSTREAM_REJECTED', message: expect.stringMatching(/谱蓝云/) })
    expect(leaks(JSON.stringify(response.body))).toBe(false)
    expect(server.logLines.some(line => line.includes('pulan-internal-9f8e'))).toBe(true)
  })
})
