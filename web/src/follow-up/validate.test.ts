import type { FollowUpForm } from './formState'
import { describe, expect, it } from 'vitest'
import { form, template } from '../testing/fixtures'
import { buildSubmission } from './buildSubmission'
import { toFormErrors } from './validate'
import { validateSubmission } from './validateSubmission'

const now = new Date('2026-03-02T02:00:00.000Z')
const complete = { 11: { optionId: 1 }, 13: { text: '谈了报价' } }
function check(overrides: Partial<FollowUpForm>) {
  const filled = form({ answers: complete, ...overrides })
  return validateSubmission(buildSubmission(filled, { externalUserId: 'wm1', businessId: 100, template, now }), template, filled, now)
}

describe('form validation with the shared schemas', () => {
  it('finds nothing wrong with a complete form', () => {
    expect(check({})).toEqual({})
  })

  it.each([
    ['an unanswered required Radio', { answers: { 13: { text: 'x' } } }, 'module:11', '「拜访方式」是必填项'],
    ['an unanswered required TextArea', { answers: { 11: { optionId: 1 } } }, 'module:13', '「沟通内容」是必填项'],
    ['an end before the start', { actualEndTime: '2026-03-02T00:00:00.000Z' }, 'times', '实际结束时间不能早于开始时间'],
    ['an empty result', { result: '' }, 'result', '请填写跟进结果'],
    ['a custom next contact without a time', { next: { choice: 'custom', customTime: null, remindMinutes: 30, scheduleName: '跟进', lengthMinutes: 30 } }, 'nextTime', '请选择下次联系时间'],
    ['a custom next contact in the past', { next: { choice: 'custom', customTime: '2026-03-01T02:00:00.000Z', remindMinutes: 30, scheduleName: '跟进', lengthMinutes: 30 } }, 'nextTime', '下次联系时间已经过去，请选一个以后的时间'],
    ['a reminder already past', { next: { choice: 'custom', customTime: '2026-03-02T03:00:00.000Z', remindMinutes: 24 * 60, scheduleName: '跟进', lengthMinutes: 30 } }, 'nextTime', '提醒时间已经过去，请缩短提前提醒或把下次联系改晚一些'],
    ['an empty schedule name', { next: { choice: 'tomorrow', customTime: null, remindMinutes: 30, scheduleName: ' ', lengthMinutes: 30 } }, 'nextTime', '请填写日程名称'],
  ] as const)('puts %s next to its field', (_name, overrides, slot, message) => {
    expect(check(overrides as Partial<FollowUpForm>)[slot]).toBe(message)
  })

  it('maps the server\'s field errors to the same places', () => {
    const submission = { detailList: [{ moduleId: 11, detail: [] }, { moduleId: 15, detail: [] }] }
    expect(toFormErrors({
      'detailList.1.detail.0': ['「拜访地点」需要定位'],
      'modules.13': ['「沟通内容」是必填项'],
      'nextTime.nextContactTime': ['时间不对'],
      'actualEndTime': ['太早'],
      '_form': ['出错了'],
    }, submission)).toEqual({
      'module:15': '「拜访地点」需要定位',
      'module:13': '「沟通内容」是必填项',
      'nextTime': '时间不对',
      'times': '太早',
      'form': '出错了',
    })
  })
})
