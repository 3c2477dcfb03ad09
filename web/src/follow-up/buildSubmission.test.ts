import { describe, expect, it } from 'vitest'
import { form, template } from '../testing/fixtures'
import { buildSubmission } from './buildSubmission'

const now = new Date('2026-03-02T02:00:00.000Z')
const photo = { fileId: 9, fileName: 'a.jpg', fileUrl: 'https://files.example.test/a.jpg', fileSize: 1200 }
const build = (answers: Parameters<typeof form>[0]) => buildSubmission(form(answers), { externalUserId: 'wm1', businessId: 100, template, now })

describe('buildSubmission', () => {
  it.each([
    ['Radio -> optionId and the option label', { optionId: 2 }, 11, [{ optionId: 2, content: '电话' }]],
    ['Text -> trimmed content', { text: ' 李经理 ' }, 12, [{ content: '李经理' }]],
    ['TextArea -> content', { text: '谈了报价' }, 13, [{ content: '谈了报价' }]],
    ['Attachment -> one detail per file', { files: [photo] }, 14, [photo]],
    ['Location -> lat, lng and the address as content', { location: { lat: 31.2, lng: 121.4, address: '人民广场' } }, 15, [{ lat: 31.2, lng: 121.4, content: '人民广场' }]],
    ['Location without address -> coordinates as content', { location: { lat: 31.2, lng: 121.4 } }, 15, [{ lat: 31.2, lng: 121.4, content: '31.20000, 121.40000' }]],
    ['an unknown type -> content', { text: '8' }, 16, [{ content: '8' }]],
  ])('%s', (_name, answer, moduleId, detail) => {
    const submission = build({ answers: { [moduleId]: answer } })
    expect(submission.detailList).toEqual([{ moduleId, detail }])
  })

  it.each([
    ['a blank text', { 12: { text: '   ' } }],
    ['an unknown option', { 11: { optionId: 99 } }],
    ['no files', { 14: { files: [] } }],
    ['no location yet', { 15: {} }],
  ])('leaves out unanswered modules: %s', (_name, answers) => {
    expect(build({ answers }).detailList).toEqual([])
  })

  it('fills the end time with now while it is not edited, and leaves out an empty remark and nextTime', () => {
    const submission = build({})
    expect(submission).toEqual({
      externalUserId: 'wm1',
      businessId: 100,
      stageId: 1,
      templateId: 7,
      result: 'finish',
      actualStartTime: '2026-03-02T01:00:00.000Z',
      actualEndTime: now.toISOString(),
      detailList: [],
    })
  })

  it('keeps an edited end time, the remark and the next contact', () => {
    const submission = build({
      actualEndTime: '2026-03-02T01:30:00.000Z',
      remark: ' 带样品 ',
      next: { choice: 'custom', customTime: '2026-03-05T06:00:00.000Z', remindMinutes: 15, scheduleName: '回访', lengthMinutes: 30 },
    })
    expect(submission).toMatchObject({
      actualEndTime: '2026-03-02T01:30:00.000Z',
      remark: '带样品',
      nextTime: { scheduleName: '回访', nextContactTime: '2026-03-05T06:00:00.000Z', nextTimeLength: 30, nextRemindLength: 15 },
    })
  })
})
