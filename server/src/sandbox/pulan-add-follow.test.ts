import type { Sandbox } from './index'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { postFollow, pulanGet, pulanToken } from '../../test/support/sandbox-client'
import { ADD_FOLLOW_CODES, startSandbox } from './index'
import { SEED_ADD_FOLLOW_EXAMPLE } from './seed-example'

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

type Loose = Record<string, unknown>
type Body = Loose & { nextTime: Loose, detailList: (Loose & { detail: Loose[] })[] }
const seed = (): Body => structuredClone(SEED_ADD_FOLLOW_EXAMPLE)
const firstDetail = (body: Body): Loose => body.detailList[0]!.detail[0]!
function withModule(moduleId: number, moduleType: string, moduleName: string, detail: Loose) {
  return (body: Body) => {
    body.detailList.push({ ...body.detailList[0]!, moduleId, moduleType, moduleName, detail: [detail] })
  }
}

describe('add-follow', () => {
  it('accepts the seed page\'s own example body and records it', async () => {
    expect(await postFollow(sandbox, token, SEED_ADD_FOLLOW_EXAMPLE)).toEqual({ code: 0, msg: 'success' })
    expect(sandbox.records.addFollows).toEqual([SEED_ADD_FOLLOW_EXAMPLE])
    expect(sandbox.records.count('pulan.addFollow')).toBe(1)
  })

  it('accepts every module type of template 10 when each detail carries its field', async () => {
    const body = seed()
    withModule(21, 'TextArea', '沟通内容', { content: '客户关心价格' })(body)
    withModule(22, 'Attachment', '相关附件', { fileId: 5001, fileName: 'a.png' })(body)
    withModule(23, 'Location', '跟进地点', { lat: 30.27, lng: 120.15 })(body)
    expect((await postFollow(sandbox, token, body)).code).toBe(0)
  })

  it('moves the opportunity to the posted stage and marks it just followed', async () => {
    const before = Date.now()
    const body = { ...seed(), stageId: 12 }
    expect((await postFollow(sandbox, token, body)).code).toBe(0)
    const list = await pulanGet(sandbox, token, '/open-api/customer/biz-submit/list?customerId=2002')
    const opportunity = list.data.find((o: { businessId: number }) => o.businessId === 10)
    expect(opportunity).toMatchObject({ stageId: 12, stageName: '方案报价', status: 'open' })
    expect(Date.parse(opportunity.lastFollowTime)).toBeGreaterThanOrEqual(before - 1000)
  })

  it.each<[string, (body: Body) => void, number, RegExp]>([
    ['a Location detail without lng', withModule(23, 'Location', '跟进地点', { lat: 30.27 }), ADD_FOLLOW_CODES.moduleTypeMismatch, /跟进地点.*lng/],
    ['a Radio detail without optionId', body => delete firstDetail(body).optionId, ADD_FOLLOW_CODES.moduleTypeMismatch, /你的问题是.*optionId/],
    ['an Attachment detail without fileId', withModule(22, 'Attachment', '相关附件', { fileName: 'a.png' }), ADD_FOLLOW_CODES.moduleTypeMismatch, /fileId/],
    ['a text detail without content', withModule(21, 'TextArea', '沟通内容', { optionId: 1 }), ADD_FOLLOW_CODES.moduleTypeMismatch, /content/],
    ['businessId as a string', body => Object.assign(body, { businessId: '10' }), ADD_FOLLOW_CODES.invalidBody, /businessId 必须是整数/],
    ['a fractional version', body => Object.assign(body, { version: 1.5 }), ADD_FOLLOW_CODES.invalidBody, /version 必须是整数/],
    ['a missing templateName', body => delete body.templateName, ADD_FOLLOW_CODES.invalidBody, /缺少必填字段 templateName/],
    ['a missing detailList', body => delete (body as Loose).detailList, ADD_FOLLOW_CODES.invalidBody, /缺少必填字段 detailList/],
    ['actualStartTime that is not ISO-8601', body => Object.assign(body, { actualStartTime: '2019/08/24 14:15' }), ADD_FOLLOW_CODES.invalidBody, /actualStartTime/],
    ['nextTime.nextContactTime that is not a date-time', body => Object.assign(body.nextTime, { nextContactTime: '明天' }), ADD_FOLLOW_CODES.invalidBody, /nextTime\.nextContactTime/],
    ['a detail nextTime without nextContactTime', body => delete (firstDetail(body).nextTime as Record<string, unknown>).nextContactTime, ADD_FOLLOW_CODES.invalidBody, /detail\.nextTime\.nextContactTime/],
    ['lat as a string', body => Object.assign(firstDetail(body), { lat: '39.9' }), ADD_FOLLOW_CODES.invalidBody, /detail\.lat 必须是数字/],
    ['moduleConfig that is not JSON text', body => Object.assign(body.detailList[0]!, { moduleConfig: '{label' }), ADD_FOLLOW_CODES.invalidBody, /moduleConfig/],
    ['an unknown userId', body => Object.assign(body, { userId: 999 }), ADD_FOLLOW_CODES.unknownUser, /userId 999/],
    ['an unknown businessId', body => Object.assign(body, { businessId: 424242 }), ADD_FOLLOW_CODES.unknownBusiness, /businessId 424242/],
    ['a stage of another ladder', body => Object.assign(body, { stageId: 21 }), ADD_FOLLOW_CODES.stageNotOfBusiness, /stageId 21/],
    ['an unknown templateId', body => Object.assign(body, { templateId: 77 }), ADD_FOLLOW_CODES.unknownTemplate, /templateId 77/],
    ['a module of another template', body => Object.assign(body.detailList[0]!, { moduleId: 30 }), ADD_FOLLOW_CODES.moduleNotOfTemplate, /模块 30/],
    ['an option the module does not offer', body => Object.assign(firstDetail(body), { optionId: 99 }), ADD_FOLLOW_CODES.optionNotOfModule, /optionId 99/],
  ])('refuses %s with a non-zero code naming the field', async (_name, mutate, code, message) => {
    const body = seed()
    mutate(body)
    const answer = await postFollow(sandbox, token, body)
    expect(answer.code).toBe(code)
    expect(answer.msg).toMatch(message)
    expect(sandbox.records.addFollows).toEqual([])
  })

  it('refuses a body that is not JSON inside the envelope', async () => {
    const response = await fetch(`${sandbox.pulanBaseUrl}/open-api/customer/biz-submit/add-follow`, {
      method: 'POST',
      headers: { 'Authorization': `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{"businessId":',
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ code: 400, msg: '请求体不是合法的 JSON' })
  })

  it('leaves the opportunity unchanged when it refuses', async () => {
    await postFollow(sandbox, token, { ...seed(), userId: 999, stageId: 12 })
    const list = await pulanGet(sandbox, token, '/open-api/customer/biz-submit/list?customerId=2002')
    expect(list.data.find((o: { businessId: number }) => o.businessId === 10)).toMatchObject({ stageId: 10 })
  })
})
