import type { BusinessLine } from '@app/shared'
import { describe, expect, it } from 'vitest'
import { buildCreateSubmission, freshOpportunityDraft, processAfterLineChange } from './opportunityDraft'

const single: BusinessLine[] = [{ lineId: 1, lineName: 'SCRM 软件', processes: [{ processId: 11, processName: '标准销售流程' }] }]
const two: BusinessLine[] = [...single, { lineId: 2, lineName: '客户成功服务', processes: [{ processId: 21, processName: '标准' }, { processId: 22, processName: '续约' }] }]
const now = new Date('2026-11-29T02:00:00.000Z')

describe('the 新建商机 choices', () => {
  it.each([
    ['one line with one process: both preselected', single, { lineId: 1, processId: 11 }],
    ['two lines: nothing preselected', two, { lineId: null, processId: null }],
  ])('%s', (_name, lines, expected) => {
    expect(freshOpportunityDraft(lines, '周敏')).toMatchObject({ ...expected, next: { choice: 'none', scheduleName: '跟进 周敏' } })
  })

  it.each([
    ['the only process of the chosen line', 1, null, 11],
    ['no process when the line has several', 2, 11, null],
    ['the process kept when it belongs to the line', 2, 22, 22],
    ['nothing for an unknown line', 9, 11, null],
  ])('picks %s', (_name, lineId, processId, expected) => {
    expect(processAfterLineChange(two, lineId, processId)).toBe(expected)
  })

  it.each([
    ['no line', { lineId: null, processId: null }, '请选择业务线'],
    ['no process', { lineId: 2, processId: null }, '请选择流程'],
  ])('says what is missing: %s', (_name, choice, message) => {
    expect(buildCreateSubmission({ ...freshOpportunityDraft(two, '周敏'), ...choice }, 'wmDemoZhouMin03', now)).toEqual({ ok: false, message })
  })

  it('builds the body without a next contact, and with one at 09:30 local the chosen day', () => {
    const draft = { ...freshOpportunityDraft(single, '周敏') }
    expect(buildCreateSubmission(draft, 'wmDemoZhouMin03', now)).toEqual({ ok: true, submission: { externalUserId: 'wmDemoZhouMin03', lineId: 1, processId: 11 } })
    const withNext = buildCreateSubmission({ ...draft, next: { ...draft.next, choice: 'tomorrow' } }, 'wmDemoZhouMin03', now)
    expect(withNext.ok && withNext.submission.nextTime).toMatchObject({ scheduleName: '跟进 周敏', nextRemindLength: 30, nextTimeLength: 30 })
    expect(withNext.ok && new Date(withNext.submission.nextTime!.nextContactTime).getHours()).toBe(9)
  })

  it('refuses an empty schedule name with the shared schema\'s message', () => {
    const draft = freshOpportunityDraft(single, '周敏')
    const built = buildCreateSubmission({ ...draft, next: { ...draft.next, choice: 'in3days', scheduleName: ' ' } }, 'wmDemoZhouMin03', now)
    expect(built).toEqual({ ok: false, message: '请填写日程名称' })
  })
})
