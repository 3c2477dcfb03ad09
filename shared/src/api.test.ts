import { describe, expect, it } from 'vitest'
import { ExternalUserId, FollowUpSubmission, IdempotencyKey, JssdkConfigRequest } from './api'
import { CHINESE, fieldErrorsOf, issuesOf, setAt, validSubmission } from './fixtures/samples'

const errorsWith = (path: string, value: unknown) => fieldErrorsOf(FollowUpSubmission, setAt(validSubmission(), path, value))

describe('followUpSubmission', () => {
  it('accepts a complete submission and trims the result', () => {
    const parsed = FollowUpSubmission.parse({ ...validSubmission(), result: ' finish ' })
    expect(parsed).toEqual({ ...validSubmission(), result: 'finish' })
  })

  it.each([
    ['without nextTime and remark', (s: object) => setAt(setAt(s, 'nextTime', undefined), 'remark', undefined)],
    ['with an optional module left empty', (s: object) => setAt(s, 'detailList.2', { moduleId: 3, detail: [] })],
    ['with no modules at all', (s: object) => setAt(s, 'detailList', [])],
  ])('accepts a submission %s (template rules are checked by templateProblems)', (_, edit) => {
    expect(fieldErrorsOf(FollowUpSubmission, edit(validSubmission()))).toEqual({})
  })

  it.each([
    ['', 'userId', 10],
    ['', 'templateName', '日常'],
    ['', 'version', 1],
    ['detailList.0', 'moduleType', 'Radio'],
    ['detailList.0', 'moduleName', '客户意向'],
    ['detailList.0', 'moduleConfig', '{}'],
  ])('rejects the server-owned field %s%s as an unknown key', (at, key, value) => {
    const issues = issuesOf(FollowUpSubmission, setAt(validSubmission(), at ? `${at}.${key}` : key, value))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: [key], path: at ? ['detailList', 0] : [] })
  })

  it.each([
    ['externalUserId', undefined, '客户 ID 必须是文字'],
    ['externalUserId', 'has space', '客户 ID 格式不对'],
    ['businessId', 0, '商机 businessId必须大于 0'],
    ['stageId', 1.5, '阶段 stageId必须是整数'],
    ['templateId', '1', '模板 templateId必须是数字'],
    ['result', '   ', '请填写跟进结果'],
    ['result', '果'.repeat(201), '跟进结果不能超过 200 个字'],
    ['remark', '备'.repeat(2001), '备忘录不能超过 2000 个字'],
    ['actualStartTime', '2026-01-31 09:00', 'ISO-8601'],
    ['actualEndTime', '2026-01-31T00:59:59Z', '实际结束时间不能早于开始时间'],
    ['nextTime.nextTimeLength', 0, '日程时长至少 1 分钟'],
    ['nextTime.scheduleName', '', '请填写日程名称'],
    ['detailList.0.moduleId', -1, '模块 moduleId必须大于 0'],
    ['detailList.1.moduleCommunicateResult', '果'.repeat(201), '模块沟通结果不能超过 200 个字'],
    ['detailList.1.detail.0.lng', 181, '经度必须在 -180 到 180 之间'],
    ['detailList.1.detail.0.nextTime', { scheduleName: '回访', nextContactTime: 'soon' }, 'ISO-8601'],
  ])('rejects %s = %j', (path, value, fragment) => {
    const errors = errorsWith(path, value)
    const at = path.endsWith('.nextTime') ? `${path}.nextContactTime` : path
    expect(Object.keys(errors)).toEqual([at])
    expect(errors[at]).toContainEqual(expect.stringContaining(fragment))
  })

  it('limits a submission to 50 modules of 20 answers', () => {
    const module = { moduleId: 2, detail: [{ content: 'x' }] }
    expect(errorsWith('detailList', Array.from({ length: 51 }, () => module))).toEqual({ detailList: ['最多 50 个模块'] })
    const answers = Array.from({ length: 21 }, () => ({ content: 'x' }))
    expect(errorsWith('detailList.1.detail', answers)).toEqual({ 'detailList.1.detail': ['每个模块最多 20 个答案'] })
  })
})

describe('externalUserId', () => {
  it.each(['wmAbCdEf0123', 'wo-abc_123', 'a', 'w'.repeat(128)])('accepts %j', (id) => {
    expect(ExternalUserId.parse(id)).toBe(id)
  })

  it.each([
    ['', '缺少客户 ID'],
    ['w'.repeat(129), '客户 ID 过长'],
    ['wm abc', '客户 ID 格式不对'],
    ['../etc/passwd', '客户 ID 格式不对'],
    ['wm%2Fabc', '客户 ID 格式不对'],
    ['客户', '客户 ID 格式不对'],
    [123, '客户 ID 必须是文字'],
    [null, '客户 ID 必须是文字'],
  ])('rejects %j', (id, message) => {
    expect(issuesOf(ExternalUserId, id).map(issue => issue.message)).toContain(message)
  })
})

describe('jssdkConfigRequest', () => {
  it.each(['https://sidebar.example.com/app/?customer=1', 'http://127.0.0.1:5173/#/follow', 'http://localhost/'])('accepts %j', (url) => {
    expect(JssdkConfigRequest.parse({ url })).toEqual({ url })
  })

  it.each([
    ['a relative path', { url: '/app/' }, 'url', '需要当前页面的完整 http(s) 地址'],
    ['a javascript: URL', { url: 'javascript:alert(1)' }, 'url', '需要当前页面的完整 http(s) 地址'],
    ['an ftp URL', { url: 'ftp://host/app' }, 'url', '需要当前页面的完整 http(s) 地址'],
    ['an empty URL', { url: '' }, 'url', '需要当前页面的完整 http(s) 地址'],
    ['a URL over 2048 characters', { url: `https://host/${'a'.repeat(2048)}` }, 'url', '地址过长'],
    ['no URL', {}, 'url', '需要当前页面的完整 http(s) 地址'],
    ['an unknown key', { url: 'https://host/', corpId: 'x' }, '_form', ''],
  ])('rejects %s', (_, body, at, fragment) => {
    const errors = fieldErrorsOf(JssdkConfigRequest, body)
    expect(Object.keys(errors)).toEqual([at])
    expect(errors[at]).toContainEqual(expect.stringContaining(fragment))
    expect(errors[at]?.[0]).toMatch(CHINESE)
  })
})

describe('idempotencyKey', () => {
  it.each([crypto.randomUUID(), crypto.randomUUID().toUpperCase(), '123e4567-e89b-42d3-a456-426614174000'])('accepts %s', (key) => {
    expect(IdempotencyKey.parse(key)).toBe(key)
  })

  it.each(['', 'abc', '123e4567e89b42d3a456426614174000', '123e4567-e89b-42d3-a456-42661417400g', ' 123e4567-e89b-42d3-a456-426614174000', 42])(
    'rejects %j with a Chinese message',
    (key) => {
      expect(issuesOf(IdempotencyKey, key).map(issue => issue.message)).toEqual(['Idempotency-Key 必须是 UUID'])
    },
  )
})
