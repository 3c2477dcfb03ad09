import type { TestServer } from '../../../test/support/harness'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { sleep } from '../../../test/reliability/response-checks'
import { startTestServer } from '../../../test/support/harness'
import { CHEN_JING, newKey } from '../../../test/support/submission'

const ZHOU_MIN = 'wmDemoZhouMin03'
const NEXT_TIME = { scheduleName: '回访 周敏', nextContactTime: '2026-12-01T02:00:00.000Z', nextTimeLength: 30, nextRemindLength: 15 }

let server: TestServer
let cookie: string

beforeAll(async () => {
  server = await startTestServer()
  cookie = await server.login('zhangwei')
})
afterAll(() => server.close())
beforeEach(() => {
  server.sandbox.faults.clear()
})

function create(body: unknown, key = newKey(), as = cookie) {
  return server.api('/api/opportunities', { method: 'POST', body, cookie: as, headers: { 'Idempotency-Key': key } })
}
const created = () => server.sandbox.records.createBusinesses.length

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++)
    await sleep(10)
}

describe('pOST /api/opportunities', () => {
  it('sends exactly the documented create-business body, the salesperson and customer from the server', async () => {
    const before = created()
    const response = await create({ externalUserId: ZHOU_MIN, lineId: 1, processId: 11, nextTime: NEXT_TIME })
    expect(response.status).toBe(201)
    expect(server.sandbox.records.createBusinesses).toHaveLength(before + 1)
    expect(server.sandbox.records.createBusinesses.at(-1)).toEqual({ lineId: 1, processId: 11, customerId: 2003, userId: 101, source: 1, nextTime: NEXT_TIME })
    expect(response.body.opportunity).toMatchObject({ stageId: 10, stageName: '初步接洽', status: 'open', lineId: 1, processId: 11 })
    expect(response.body.opportunities.map((o: { businessId: number }) => o.businessId)).toContain(response.body.opportunity.businessId)
    expect(server.sandbox.records.schedules.at(-1)).toMatchObject({ businessId: response.body.opportunity.businessId, nextContactTime: NEXT_TIME.nextContactTime })
  })

  it('lets the follow-up go to the new opportunity at once, and the context lists it', async () => {
    const response = await create({ externalUserId: ZHOU_MIN, lineId: 2, processId: 22 })
    const { businessId, stageId } = response.body.opportunity
    expect(stageId).toBe(21)
    const followUp = await server.api('/api/follow-ups', {
      method: 'POST',
      cookie,
      headers: { 'Idempotency-Key': newKey() },
      body: { externalUserId: ZHOU_MIN, businessId, stageId, templateId: 10, result: 'finish', actualStartTime: '2026-11-29T02:00:00.000Z', actualEndTime: '2026-11-29T02:10:00.000Z', detailList: [{ moduleId: 20, detail: [{ optionId: 21 }] }, { moduleId: 21, detail: [{ content: '初次沟通' }] }] },
    })
    expect(followUp.body).toMatchObject({ businessId })
    expect(followUp.status).toBe(201)
    expect(server.sandbox.records.addFollows.at(-1)).toMatchObject({ businessId, stageId })
    const context = await server.api(`/api/customers/${ZHOU_MIN}/context`, { cookie })
    expect(context.body.opportunities.map((o: { businessId: number }) => o.businessId)).toContain(businessId)
    expect(context.body.businessLines.map((l: { lineId: number }) => l.lineId)).toEqual([1, 2])
  })

  it('creates no schedule without a next contact', async () => {
    const schedules = server.sandbox.records.schedules.length
    expect((await create({ externalUserId: ZHOU_MIN, lineId: 1, processId: 11 })).status).toBe(201)
    expect(server.sandbox.records.createBusinesses.at(-1)).not.toHaveProperty('nextTime')
    expect(server.sandbox.records.schedules).toHaveLength(schedules)
  })

  it('starts a second deal for a customer who already has one', async () => {
    const response = await create({ externalUserId: CHEN_JING.externalUserId, lineId: 2, processId: 21 })
    expect(response.status).toBe(201)
    expect(response.body.opportunity.businessId).not.toBe(CHEN_JING.businessId)
    expect(response.body.opportunities.map((o: { businessId: number }) => o.businessId)).toContain(CHEN_JING.businessId)
  })

  it.each([
    ['userId', { userId: 999 }],
    ['customerId', { customerId: 2001 }],
    ['source', { source: 2 }],
  ])('refuses a %s from the page (the server owns it)', async (_field, extra) => {
    const before = created()
    const response = await create({ externalUserId: ZHOU_MIN, lineId: 1, processId: 11, ...extra })
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe('VALIDATION_FAILED')
    expect(created()).toBe(before)
  })

  it.each([
    ['a line that is not configured', { lineId: 99, processId: 11 }, 422, 'BUSINESS_LINE_NOT_FOUND'],
    ['a process of another line', { lineId: 1, processId: 22 }, 422, 'BUSINESS_PROCESS_NOT_FOUND'],
    ['no line at all', { processId: 11 }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s before calling 谱蓝云', async (_name, fields, status, code) => {
    const before = created()
    const response = await create({ externalUserId: ZHOU_MIN, ...fields })
    expect(response.status).toBe(status)
    expect(response.body.error.code).toBe(code)
    expect(response.body.error.message).toMatch(/[\u4E00-\u9FFF]/)
    expect(created()).toBe(before)
  })

  it.each([
    ['a customer 谱蓝云 does not know', 'wmUnknownCustomer', 404, 'CUSTOMER_NOT_FOUND'],
    ['someone else\'s customer', 'wmDemoSunHao04', 403, 'NOT_YOUR_CUSTOMER'],
  ])('refuses %s', async (_name, externalUserId, status, code) => {
    const before = created()
    const response = await create({ externalUserId, lineId: 1, processId: 11 })
    expect(response.status).toBe(status)
    expect(response.body.error.code).toBe(code)
    expect(created()).toBe(before)
  })
})

describe('pOST /api/opportunities: exactly once', () => {
  const body = { externalUserId: ZHOU_MIN, lineId: 1, processId: 11 }

  it('replays the same key and body without creating again', async () => {
    const key = newKey()
    const first = await create(body, key)
    const before = created()
    const again = await create(body, key)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body).toEqual(first.body)
    expect(created()).toBe(before)
  })

  it('refuses the same key with another body (422)', async () => {
    const key = newKey()
    await create(body, key)
    const before = created()
    const other = await create({ ...body, lineId: 2, processId: 21 }, key)
    expect(other.status).toBe(422)
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(created()).toBe(before)
  })

  it('answers 409 to the same key while the first is still running', async () => {
    server.sandbox.faults.set('pulan.createBusiness', { kind: 'slow', delayMs: 400 }, { times: 1 })
    const key = newKey()
    const before = created()
    const [a, b] = await Promise.all([create(body, key), sleep(100).then(() => create(body, key))])
    expect([a.status, b.status]).toEqual([201, 409])
    expect(b.body.error).toMatchObject({ code: 'IDEMPOTENCY_IN_FLIGHT', message: '这个商机正在提交中，请稍候' })
    expect(created()).toBe(before + 1)
  })

  it('says honestly when 谱蓝云 did not answer in time, keeps the key, and never creates twice', async () => {
    server.sandbox.faults.set('pulan.createBusiness', { kind: 'slow', delayMs: 2000 }, { times: 1 })
    const key = newKey()
    const before = created()
    const response = await create(body, key)
    expect(response.status).toBe(504)
    expect(response.body.error.code).toBe('UPSTREAM_OUTCOME_UNKNOWN')
    expect(response.body.error.message).toContain('商机可能已经创建')
    await until(() => created() === before + 1)
    const retry = await create(body, key)
    expect(retry.status).toBe(504)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect(created()).toBe(before + 1)
  })

  it('releases the key when 谱蓝云 surely did not get it (rate limited), so a retry creates once', async () => {
    server.sandbox.faults.set('pulan.createBusiness', { kind: 'rateLimited' })
    const key = newKey()
    const before = created()
    const response = await create(body, key)
    expect(response.status).toBe(503)
    expect(response.body.error.code).toBe('UPSTREAM_UNAVAILABLE')
    server.sandbox.faults.clear()
    expect((await create(body, key)).status).toBe(201)
    expect(created()).toBe(before + 1)
  })

  it('answers 503 and releases the key when 谱蓝云 is down before anything was sent', async () => {
    server.sandbox.faults.set('pulan.customer', { kind: 'down' })
    const key = newKey()
    const before = created()
    const response = await create(body, key)
    expect(response.status).toBe(503)
    expect(response.body.error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', message: expect.stringContaining('谱蓝云暂时无法访问') })
    server.sandbox.faults.clear()
    expect((await create(body, key)).status).toBe(201)
    expect(created()).toBe(before + 1)
  })

  it('says it cannot tell which opportunity is new when the list cannot be read again, and still never creates twice', async () => {
    server.sandbox.faults.set('pulan.createBusiness', { kind: 'slow', delayMs: 300 }, { times: 1 })
    const key = newKey()
    const before = created()
    const pending = create(body, key)
    await until(() => server.sandbox.records.count('pulan.createBusiness') > 0 && server.sandbox.faults.active()['pulan.createBusiness'] === undefined)
    server.sandbox.faults.set('pulan.opportunities', { kind: 'down' })
    const response = await pending
    expect(response.status).toBe(201)
    expect(response.body).toMatchObject({ opportunity: null, opportunities: null })
    server.sandbox.faults.clear()
    expect((await create(body, key)).headers.get('idempotent-replayed')).toBe('true')
    expect(created()).toBe(before + 1)
  })
})
