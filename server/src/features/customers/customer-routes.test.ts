import type { TestServer } from '../../../test/support/harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../../../test/support/harness'

let server: TestServer
let cookie: string
beforeAll(async () => {
  server = await startTestServer()
  cookie = await server.login('zhangwei')
})
afterAll(() => server.close())

const context = (id: string, as = cookie) => server.api(`/api/customers/${id}/context`, { cookie: as })

describe('gET /api/customers/:externalUserId/context', () => {
  it('answers the customer, their opportunities and the templates in one round trip', async () => {
    const response = await context('wmDemoLiuYang02')
    expect(response.status).toBe(200)
    expect(response.body.customer).toMatchObject({ externalUserId: 'wmDemoLiuYang02', customerId: 2002, name: '刘洋', corpName: '上海启明教育集团' })
    expect(response.body.opportunities.map((o: { businessId: number }) => o.businessId).sort()).toEqual([10, 1002, 1003])
    expect(response.body.opportunities[0]).toHaveProperty('stages')
    expect(response.body.templates.map((t: { templateId: number }) => t.templateId)).toEqual([10, 11, 12, 13])
  })

  it('answers an empty list for a customer without opportunities', async () => {
    const response = await context('wmDemoZhouMin03')
    expect(response.status).toBe(200)
    expect(response.body.opportunities).toEqual([])
  })

  it.each([
    ['another salesperson\'s customer', 'wmDemoSunHao04', 403, 'NOT_YOUR_CUSTOMER'],
    ['an unknown customer', 'wmNobodyAtAll', 404, 'CUSTOMER_NOT_FOUND'],
    ['a malformed id', 'bad%20id%3Cscript%3E', 404, 'CUSTOMER_NOT_FOUND'],
  ])('refuses %s', async (_name, id, status, code) => {
    const response = await context(id)
    expect(response.status).toBe(status)
    expect(response.body.error.code).toBe(code)
    expect(response.body.error.message).toMatch(/[\u4E00-\u9FFF]/)
  })

  it('names who follows someone else\'s customer, so the salesperson knows whom to ask', async () => {
    const response = await context('wmDemoSunHao04')
    expect(response.body.error.message).toContain('这位客户由 李娜 跟进')
    expect(response.body.error.message).toContain('添加为这位客户的跟进人')
  })

  it('lets both followers of a shared customer see it', async () => {
    const lina = await server.login('lina')
    expect((await context('wmDemoWuTing05', lina)).status).toBe(200)
    expect((await context('wmDemoWuTing05')).status).toBe(200)
  })

  it('calls WeCom and 谱蓝云 in parallel', async () => {
    server.sandbox.faults.set('wecom.externalcontact', { kind: 'slow', delayMs: 300 }, { times: 1 })
    server.sandbox.faults.set('pulan.customer', { kind: 'slow', delayMs: 300 }, { times: 1 })
    const started = Date.now()
    expect((await context('wmDemoChenJing01')).status).toBe(200)
    expect(Date.now() - started).toBeLessThan(550)
  })

  it('needs a session', async () => {
    expect((await context('wmDemoChenJing01', '')).status).toBe(401)
  })
})
