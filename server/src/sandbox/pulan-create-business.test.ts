import type { Sandbox } from './index'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getJson, pulanGet, pulanToken } from '../../test/support/sandbox-client'
import { CREATE_BUSINESS_CODES, startSandbox } from './index'

let sandbox: Sandbox
let token: string
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())
beforeEach(async () => {
  sandbox.reset()
  token = await pulanToken(sandbox)
})

function post(body: unknown, bearer = token) {
  return getJson(`${sandbox.pulanBaseUrl}/open-api/customer/biz-submit/create-business`, {
    method: 'POST',
    headers: { 'Authorization': `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}
const valid = { lineId: 1, processId: 11, customerId: 2003, userId: 101, source: 1 }

describe('create-business', () => {
  it('adds the opportunity to the customer\'s list at the first stage of its process, without an id in the answer', async () => {
    expect((await pulanGet(sandbox, token, '/open-api/customer/biz-submit/list?customerId=2003')).data).toEqual([])
    expect(await post({ ...valid, lineId: 2, processId: 22 })).toEqual({ code: 0, msg: 'success' })
    const list = (await pulanGet(sandbox, token, '/open-api/customer/biz-submit/list?customerId=2003')).data
    expect(list).toEqual([expect.objectContaining({ businessId: 3001, businessName: '深圳小鹿智能家居 客户成功服务', stageId: 21, stageName: '续约沟通', status: 'open', lineId: 2, processId: 22 })])
    expect(sandbox.records.createBusinesses).toEqual([{ ...valid, lineId: 2, processId: 22 }])
  })

  it.each([
    ['source 1 without customerId', { ...valid, customerId: undefined, prospectId: 7 }, CREATE_BUSINESS_CODES.invalidBody, /source 为 1（客户）时 customerId 必填/],
    ['customerId and prospectId both empty', { ...valid, customerId: undefined }, CREATE_BUSINESS_CODES.invalidBody, /customerId 与 prospectId 不能同时为空/],
    ['source 3 without prospectFollowLineId', { ...valid, source: 3, prospectId: 7 }, CREATE_BUSINESS_CODES.invalidBody, /prospectFollowLineId 必填/],
    ['an unknown source', { ...valid, source: 4 }, CREATE_BUSINESS_CODES.invalidBody, /source/],
    ['a missing lineId', { ...valid, lineId: undefined }, CREATE_BUSINESS_CODES.invalidBody, /缺少必填字段 lineId/],
    ['an unknown user', { ...valid, userId: 999 }, CREATE_BUSINESS_CODES.unknownUser, /userId 999/],
    ['an unknown line', { ...valid, lineId: 9 }, CREATE_BUSINESS_CODES.unknownLine, /业务线不存在/],
    ['a process of another line', { ...valid, processId: 22 }, CREATE_BUSINESS_CODES.processNotOfLine, /不是业务线「SCRM 软件」的流程/],
    ['an unknown customer', { ...valid, customerId: 9999 }, CREATE_BUSINESS_CODES.unknownCustomer, /客户不存在/],
    ['an unknown prospect', { ...valid, source: 2, customerId: undefined, prospectId: 7 }, CREATE_BUSINESS_CODES.unknownProspect, /线索不存在/],
  ])('refuses %s and creates nothing', async (_name, body, code, msg) => {
    const answer = await post(body)
    expect(answer.code).toBe(code)
    expect(answer.msg).toMatch(msg)
    expect(sandbox.records.createBusinesses).toEqual([])
  })

  it('makes a schedule only when nextTime has a nextContactTime', async () => {
    await post({ ...valid, nextTime: { scheduleName: '回访', nextContactTime: '' } })
    expect(sandbox.records.schedules).toEqual([])
    await post({ ...valid, nextTime: { scheduleName: '回访', nextContactTime: '2026-12-01T02:00:00Z' } })
    expect(sandbox.records.schedules).toEqual([{ businessId: 3002, scheduleName: '回访', nextContactTime: '2026-12-01T02:00:00Z' }])
  })

  it('needs a valid token like every other endpoint', async () => {
    expect((await post(valid, 'not-a-token')).code).toBe(401)
    expect(sandbox.records.createBusinesses).toEqual([])
  })

  it('forgets created opportunities on reset', async () => {
    await post(valid)
    sandbox.reset()
    token = await pulanToken(sandbox)
    expect((await pulanGet(sandbox, token, '/open-api/customer/biz-submit/list?customerId=2003')).data).toEqual([])
  })
})
