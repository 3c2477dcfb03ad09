import { describe, expect, it } from 'vitest'
import { fieldErrorsOf, issuesOf, seedBody, setAt } from './fixtures/samples'
import { AddFollowRequest, NextTime } from './pulan'

const DETAIL = 'detailList.0.detail.0'
const errorsWith = (path: string, value: unknown) => fieldErrorsOf(AddFollowRequest, setAt(seedBody(), path, value))

describe.each([
  ['at the top level', 'nextTime'],
  ['inside a detail', `${DETAIL}.nextTime`],
])('addFollowRequest: nextTime %s', (_, at) => {
  it.each([
    ['without scheduleName', 'scheduleName', undefined, '日程名称必须是文字'],
    ['without nextContactTime', 'nextContactTime', undefined, 'ISO-8601'],
    ['with a 0-minute schedule', 'nextTimeLength', 0, '日程时长至少 1 分钟'],
    ['with a schedule over 24 hours', 'nextTimeLength', 1441, '日程时长不能超过 24 小时'],
    ['with a fractional schedule', 'nextTimeLength', 1.5, '日程时长必须是整数分钟'],
    ['with a negative reminder', 'nextRemindLength', -1, '提醒提前量不能为负'],
    ['with a reminder over 7 days ahead', 'nextRemindLength', 10081, '提醒最多提前 7 天'],
    ['with a fractional reminder', 'nextRemindLength', 0.5, '提醒提前量必须是整数分钟'],
  ])('rejects a nextTime %s', (_, field, value, fragment) => {
    const errors = errorsWith(`${at}.${field}`, value)
    expect(Object.keys(errors)).toEqual([`${at}.${field}`])
    expect(errors[`${at}.${field}`]).toContainEqual(expect.stringContaining(fragment))
  })

  it.each([
    ['nextTimeLength', 1],
    ['nextTimeLength', 1440],
    ['nextTimeLength', undefined],
    ['nextRemindLength', 0],
    ['nextRemindLength', 10080],
    ['nextRemindLength', undefined],
  ])('accepts %s = %j', (field, value) => {
    expect(errorsWith(`${at}.${field}`, value)).toEqual({})
  })

  it('accepts no nextTime at all', () => {
    expect(errorsWith(at, undefined)).toEqual({})
  })

  it('rejects a nextTime that is not an object', () => {
    expect(Object.keys(errorsWith(at, '2019-08-24T14:15:22Z'))).toEqual([at])
  })
})

describe('addFollowRequest: unknown fields are rejected (strict)', () => {
  it.each([
    ['the body', '', 'customerId'],
    ['the body', '', 'externalUserId'],
    ['a module', 'detailList.0', 'options'],
    ['a detail', DETAIL, 'label'],
    ['the top-level nextTime', 'nextTime', 'remindAt'],
    ['a detail nextTime', `${DETAIL}.nextTime`, 'location'],
  ])('rejects an unknown key in %s (%s%s)', (_, at, key) => {
    const issues = issuesOf(AddFollowRequest, setAt(seedBody(), at ? `${at}.${key}` : key, 'x'))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: [key], path: at ? at.split('.').map(k => (/^\d+$/.test(k) ? Number(k) : k)) : [] })
  })

  it('rejects an unknown key in NextTime on its own', () => {
    const issues = issuesOf(NextTime, { scheduleName: '回访', nextContactTime: '2026-01-01T00:00:00Z', extra: 1 })
    expect(issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['extra'] }])
  })
})

describe('addFollowRequest: moduleConfig travels as JSON text', () => {
  it.each(['{}', '[]', '{"label":"单选","options":[1,2]}', 'null', '"text"'])('accepts %j', (moduleConfig) => {
    expect(errorsWith('detailList.0.moduleConfig', moduleConfig)).toEqual({})
  })

  it.each(['', 'not json', '{label:1}', '{\'a\':1}', '{"a":1'])('rejects %j as not JSON', (moduleConfig) => {
    expect(errorsWith('detailList.0.moduleConfig', moduleConfig)).toEqual({ 'detailList.0.moduleConfig': ['moduleConfig必须是 JSON 文本'] })
  })

  it('rejects an object instead of JSON text', () => {
    expect(Object.keys(errorsWith('detailList.0.moduleConfig', { label: '单选' }))).toEqual(['detailList.0.moduleConfig'])
  })

  it('rejects JSON text over 10000 characters', () => {
    const errors = errorsWith('detailList.0.moduleConfig', JSON.stringify('x'.repeat(10_000)))
    expect(errors['detailList.0.moduleConfig']).toContain('moduleConfig过长')
  })
})
