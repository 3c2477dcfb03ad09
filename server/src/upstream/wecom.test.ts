import type { TestServer } from '../../test/support/harness'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer } from '../../test/support/harness'

let server: TestServer
let cookie: string
beforeAll(async () => {
  // One follower per page, so 张伟, the second follower of 吴婷, is only on the second page.
  server = await startTestServer({ sandbox: { followUserPageSize: 1 } })
  cookie = await server.login()
})
afterAll(() => server.close())
beforeEach(() => server.sandbox.faults.clear())

const context = (externalUserId: string) => server.api(`/api/customers/${externalUserId}/context`, { cookie })
const externalContactCalls = () => server.sandbox.records.requests.filter(r => r.endpoint === 'wecom.externalcontact')

describe('the WeCom client against the sandbox', () => {
  it('follows next_cursor, so a salesperson beyond the first page of followers is recognised', async () => {
    const before = externalContactCalls().length
    const answer = await context('wmDemoWuTing05')
    expect(answer.status).toBe(200)
    expect(answer.body.customer.name).toBe('吴婷')
    const calls = externalContactCalls().slice(before)
    expect(calls).toHaveLength(2)
    expect(calls[0]!.query.cursor).toBeUndefined()
    expect(calls[1]!.query.cursor).toBe('1')
  })

  it.each([
    ['system busy', -1],
    ['too frequent', 45009],
    ['concurrent out of limit', 45033],
  ])('retries %s (%i) with back-off and then succeeds', async (_name, errcode) => {
    server.sandbox.faults.set('wecom.externalcontact', { kind: 'errcode', errcode }, { times: 2 })
    const before = externalContactCalls().length
    const answer = await context('wmDemoChenJing01')
    expect(answer.status).toBe(200)
    expect(externalContactCalls().length - before).toBe(3)
  })

  it('gives up after a bounded number of tries and says the service is busy', async () => {
    server.sandbox.faults.set('wecom.externalcontact', { kind: 'errcode', errcode: -1 })
    const before = externalContactCalls().length
    const answer = await context('wmDemoChenJing01')
    expect(answer.status).toBe(503)
    expect(answer.body.error.code).toBe('UPSTREAM_UNAVAILABLE')
    expect(externalContactCalls().length - before).toBe(3)
  })

  it('turns 48002 into WECOM_API_NOT_ALLOWED, naming the console setting', async () => {
    server.sandbox.faults.set('wecom.externalcontact', { kind: 'errcode', errcode: 48002 })
    const answer = await context('wmDemoChenJing01')
    expect(answer.status).toBe(403)
    expect(answer.body.error.code).toBe('WECOM_API_NOT_ALLOWED')
    expect(answer.body.error.message).toContain('可调用接口的应用')
    expect(answer.body.error.message).not.toMatch(/api forbidden|hint/)
  })

  it('turns 60020 into WECOM_IP_NOT_TRUSTED; the IP WeCom names is logged, never shown', async () => {
    server.sandbox.faults.set('wecom.externalcontact', { kind: 'errcode', errcode: 60020 })
    const answer = await context('wmDemoChenJing01')
    expect(answer.body.error.code).toBe('WECOM_IP_NOT_TRUSTED')
    expect(answer.body.error.message).toContain('可信IP')
    expect(JSON.stringify(answer.body)).not.toContain('203.0.113.77')
    expect(server.logLines.some(line => line.includes('203.0.113.77') && line.includes('WECOM_IP_NOT_TRUSTED'))).toBe(true)
  })

  it('never shows WeCom\'s own errmsg for other refusals', async () => {
    server.sandbox.faults.set('wecom.externalcontact', { kind: 'errcode', errcode: 40003 })
    const answer = await context('wmDemoChenJing01')
    expect(answer.body.error.code).toBe('UPSTREAM_REJECTED')
    expect(answer.body.error.message).toBe('企业微信拒绝了请求（错误码 40003），请联系管理员')
  })
})
