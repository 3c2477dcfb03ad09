import type { TestServer } from '../../../test/support/harness'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { PNG_1PX } from '../../../test/support/file-samples'
import { startTestServer } from '../../../test/support/harness'
import { CHEN_JING, fullSubmission, newKey, NEXT_CONTACT_TIME } from '../../../test/support/submission'

let server: TestServer
let cookie: string
let file: { fileId: number, fileName: string, fileUrl: string, fileSize: number }

beforeAll(async () => {
  server = await startTestServer()
  cookie = await server.login('zhangwei')
  const form = new FormData()
  form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), '现场.png')
  file = (await server.api('/api/files', { method: 'POST', form, cookie })).body
})
afterAll(() => server.close())
beforeEach(() => {
  server.sandbox.faults.clear()
})

function submit(body: unknown, key = newKey(), as = cookie) {
  return server.api('/api/follow-ups', { method: 'POST', body, cookie: as, headers: { 'Idempotency-Key': key } })
}

describe('pOST /api/follow-ups', () => {
  it('sends exactly the documented add-follow body, with what the server owns filled in', async () => {
    const before = server.sandbox.records.addFollows.length
    const response = await submit(fullSubmission(file))
    expect(response.status).toBe(201)
    expect(server.sandbox.records.addFollows).toHaveLength(before + 1)
    expect(server.sandbox.records.addFollows.at(-1)).toEqual({
      businessId: 1001,
      stageId: 12,
      templateId: 10,
      templateName: '日常',
      version: 1,
      userId: 101,
      result: 'finish',
      nextTime: { scheduleName: '跟进 陈静', nextContactTime: NEXT_CONTACT_TIME, nextTimeLength: 30, nextRemindLength: 30 },
      actualStartTime: '2026-11-25T02:00:00.000Z',
      actualEndTime: '2026-11-25T02:20:00.000Z',
      remark: '客户关心价格，下周再约',
      detailList: [
        { moduleId: 20, moduleType: 'Radio', moduleName: '你的问题是', moduleConfig: expect.any(String), detail: [{ optionId: 21, content: '价格' }] },
        { moduleId: 21, moduleType: 'TextArea', moduleName: '沟通内容', moduleConfig: expect.any(String), detail: [{ content: '沟通了报价方案，客户希望再优惠 5%' }] },
        { moduleId: 22, moduleType: 'Attachment', moduleName: '相关附件', moduleConfig: expect.any(String), detail: [file] },
        { moduleId: 23, moduleType: 'Location', moduleName: '跟进地点', moduleConfig: expect.any(String), detail: [{ lat: 31.2304, lng: 121.4737, content: '上海市黄浦区人民广场' }] },
      ],
    })
    const sent = server.sandbox.records.addFollows.at(-1) as { detailList: { moduleConfig: string }[] }
    sent.detailList.forEach(module => expect(() => JSON.parse(module.moduleConfig)).not.toThrow())
    expect(response.body).toMatchObject({ businessId: 1001, stageId: 12, templateId: 10, templateName: '日常', version: 1, userId: 101, nextContactTime: NEXT_CONTACT_TIME })
  })

  it('reuses the customer check the page just loaded, so a submission makes one upstream call', async () => {
    expect((await server.api(`/api/customers/${CHEN_JING.externalUserId}/context`, { cookie })).status).toBe(200)
    const reads = ['wecom.externalcontact', 'pulan.customer', 'pulan.opportunities'] as const
    const before = reads.map(name => server.sandbox.records.count(name))
    expect((await submit(fullSubmission(file))).status).toBe(201)
    expect(reads.map(name => server.sandbox.records.count(name))).toEqual(before)
  })

  it('checks the customer itself when the page did not load it first', async () => {
    const lina = await server.login('lina')
    const form = new FormData()
    form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), '现场.png')
    const linasFile = (await server.api('/api/files', { method: 'POST', form, cookie: lina })).body
    const before = server.sandbox.records.count('wecom.externalcontact')
    const response = await submit({ ...fullSubmission(linasFile), externalUserId: 'wmDemoWuTing05', businessId: 1006, stageId: 12 }, newKey(), lina)
    expect(server.sandbox.records.count('wecom.externalcontact')).toBe(before + 1)
    expect(response.status).toBe(201)
  })

  it('takes userId from the session, never from the body', async () => {
    const response = await submit({ ...fullSubmission(file), userId: 999 })
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe('VALIDATION_FAILED')
    expect(response.body.error.fieldErrors).toHaveProperty('_form')
  })

  it('leaves unanswered optional modules out of the body', async () => {
    const body = fullSubmission(file)
    body.detailList = body.detailList.filter(m => m.moduleId === 20)
    expect((await submit(body)).status).toBe(201)
    expect((server.sandbox.records.addFollows.at(-1) as { detailList: unknown[] }).detailList).toHaveLength(1)
  })

  it.each([
    ['a Location without lng', (b: any) => { b.detailList[3].detail[0] = { lat: 31.2 } }, 'detailList.3.detail.0'],
    ['a Radio without optionId', (b: any) => { b.detailList[0].detail[0] = { content: '价格' } }, 'detailList.0.detail.0'],
    ['an end before the start', (b: any) => { b.actualEndTime = '2026-11-25T01:00:00.000Z' }, 'actualEndTime'],
    ['a latitude of 91', (b: any) => { b.detailList[3].detail[0].lat = 91 }, 'detailList.3.detail.0.lat'],
    ['a missing result', (b: any) => { delete b.result }, 'result'],
    ['a next contact in the past', (b: any) => { b.nextTime.nextContactTime = new Date(Date.now() - 3600_000).toISOString() }, 'nextTime.nextContactTime'],
    ['a reminder in the past', (b: any) => { Object.assign(b.nextTime, { nextContactTime: new Date(Date.now() + 3600_000).toISOString(), nextRemindLength: 24 * 60 }) }, 'nextTime.nextRemindLength'],
    ['601 characters in a module limited to 500', (b: any) => { b.detailList[1].detail[0].content = '字'.repeat(501) }, 'detailList.1.detail.0'],
    ['a document in an image-only module', (b: any) => { b.templateId = 11; b.detailList = [{ moduleId: 30, detail: [{ optionId: 30 }] }, { moduleId: 31, detail: [{ lat: 31, lng: 121 }] }, { moduleId: 32, detail: [{ ...b.detailList[2].detail[0], fileName: '报价.pdf' }] }, { moduleId: 34, detail: [{ content: '纪要' }] }] }, 'detailList.2.detail.0'],
  ])('answers 400 with Chinese field errors for %s, and sends nothing', async (_name, mutate, field) => {
    const before = server.sandbox.records.addFollows.length
    const body = structuredClone(fullSubmission(file))
    mutate(body)
    const response = await submit(body)
    expect(response.status).toBe(400)
    expect(response.body.error.fieldErrors[field]?.[0]).toMatch(/[\u4E00-\u9FFF]/)
    expect(server.sandbox.records.addFollows).toHaveLength(before)
  })

  it.each([
    ['another salesperson\'s customer', { externalUserId: 'wmDemoSunHao04', businessId: 1004, stageId: 12 }, 403, 'NOT_YOUR_CUSTOMER'],
    ['an unknown customer', { externalUserId: 'wmNobody', businessId: 1001, stageId: 11 }, 404, 'CUSTOMER_NOT_FOUND'],
    ['another customer\'s opportunity', { businessId: 1004 }, 422, 'BUSINESS_NOT_FOUND'],
    ['a stage of another ladder', { stageId: 21 }, 422, 'STAGE_NOT_ALLOWED'],
    ['an unknown template', { templateId: 99 }, 422, 'TEMPLATE_NOT_FOUND'],
    ['a required module left out', { detailList: [{ moduleId: 21, detail: [{ content: '只写了内容' }] }] }, 422, 'MODULE_REQUIRED'],
    ['a required module with no answer', { detailList: [{ moduleId: 20, detail: [] }] }, 422, 'MODULE_REQUIRED'],
    ['an option the module does not offer', { detailList: [{ moduleId: 20, detail: [{ optionId: 99 }] }] }, 400, 'VALIDATION_FAILED'],
    ['two options in a single-choice module', { detailList: [{ moduleId: 20, detail: [{ optionId: 20 }, { optionId: 21 }] }] }, 400, 'VALIDATION_FAILED'],
    ['a module the template does not have', { detailList: [{ moduleId: 20, detail: [{ optionId: 20 }] }, { moduleId: 31, detail: [{ content: 'x' }] }] }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s without calling 谱蓝云', async (_name, overrides, status, code) => {
    const before = server.sandbox.records.addFollows.length
    const response = await submit({ ...fullSubmission(file), ...overrides })
    expect(response.status).toBe(status)
    expect(response.body.error.code).toBe(code)
    expect(response.body.error.message).toMatch(/[\u4E00-\u9FFF]/)
    expect(server.sandbox.records.addFollows).toHaveLength(before)
  })

  it('needs a session', async () => {
    const response = await server.api('/api/follow-ups', { method: 'POST', body: fullSubmission(file), headers: { 'Idempotency-Key': newKey() } })
    expect(response.status).toBe(401)
    expect(response.body.error.code).toBe('UNAUTHENTICATED')
  })

  it.each([['missing', undefined], ['not a UUID', 'abc']])('refuses an Idempotency-Key that is %s', async (_name, key) => {
    const headers: Record<string, string> = key ? { 'Idempotency-Key': key } : {}
    const response = await server.api('/api/follow-ups', { method: 'POST', body: fullSubmission(file), cookie, headers })
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe('IDEMPOTENCY_KEY_INVALID')
  })
})

describe('idempotency', () => {
  it('replays the first answer for the same key and body, reaching 谱蓝云 once', async () => {
    const key = newKey()
    const before = server.sandbox.records.addFollows.length
    const first = await submit(fullSubmission(file), key)
    const second = await submit(fullSubmission(file), key)
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.body).toEqual(first.body)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(server.sandbox.records.addFollows).toHaveLength(before + 1)
  })

  it('refuses the same key with another body', async () => {
    const key = newKey()
    expect((await submit(fullSubmission(file), key)).status).toBe(201)
    const other = await submit(fullSubmission(file, { remark: '改过的备忘' }), key)
    expect(other.status).toBe(422)
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
  })

  it('answers 409 while the first request with the key is still in flight', async () => {
    server.sandbox.faults.set('pulan.addFollow', { kind: 'slow', delayMs: 600 }, { times: 1 })
    const key = newKey()
    const before = server.sandbox.records.addFollows.length
    const first = submit(fullSubmission(file), key)
    await new Promise(resolve => setTimeout(resolve, 250))
    const second = await submit(fullSubmission(file), key)
    expect(second.status).toBe(409)
    expect(second.body.error.code).toBe('IDEMPOTENCY_IN_FLIGHT')
    expect((await first).status).toBe(201)
    expect(server.sandbox.records.addFollows).toHaveLength(before + 1)
  })

  it('answers 504 when 谱蓝云 times out after receiving it, and a retry with the key does not send it twice', async () => {
    server.sandbox.faults.set('pulan.addFollow', { kind: 'slow', delayMs: 2500 }, { times: 1 })
    const key = newKey()
    const before = server.sandbox.records.addFollows.length
    const first = await submit(fullSubmission(file), key)
    expect(first.status).toBe(504)
    expect(first.body.error.code).toBe('UPSTREAM_OUTCOME_UNKNOWN')
    await new Promise(resolve => setTimeout(resolve, 1300))
    expect(server.sandbox.records.addFollows).toHaveLength(before + 1)
    const retry = await submit(fullSubmission(file), key)
    expect(retry.status).toBe(504)
    expect(server.sandbox.records.addFollows).toHaveLength(before + 1)
  })

  it('releases the key when 谱蓝云 refused it for rate limits, so the retry sends it once', async () => {
    server.sandbox.faults.set('pulan.addFollow', { kind: 'rateLimited' }, { times: 3 })
    const key = newKey()
    const before = server.sandbox.records.addFollows.length
    const first = await submit(fullSubmission(file), key)
    expect(first.status).toBe(503)
    expect(first.body.error.code).toBe('UPSTREAM_UNAVAILABLE')
    expect(first.headers.get('retry-after')).toBeTruthy()
    const retry = await submit(fullSubmission(file), key)
    expect(retry.status).toBe(201)
    expect(server.sandbox.records.addFollows).toHaveLength(before + 1)
  })

  it('keeps keys per salesperson', async () => {
    const key = newKey()
    const lina = await server.login('lina')
    expect((await submit(fullSubmission(file), key)).status).toBe(201)
    const hers = await submit({ ...fullSubmission(file), externalUserId: 'wmDemoSunHao04', businessId: 1004, stageId: 12 }, key, lina)
    expect(hers.body.error?.code).not.toBe('IDEMPOTENCY_KEY_REUSED')
  })
})
