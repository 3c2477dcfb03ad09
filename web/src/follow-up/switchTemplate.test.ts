import type { FollowTemplate } from '@app/shared'
import { describe, expect, it } from 'vitest'
import { template } from '../testing/fixtures'
import { carryAnswers } from './switchTemplate'

const other: FollowTemplate = {
  templateId: 8,
  templateName: '电话',
  version: 1,
  modules: [
    { moduleId: 13, moduleType: 'TextArea', moduleName: '沟通内容', moduleConfig: '{}', required: true },
    { moduleId: 11, moduleType: 'Radio', moduleName: '拜访方式', moduleConfig: '{}', required: true, options: [{ optionId: 9, label: '视频' }] },
  ],
}

describe('carryAnswers', () => {
  it('keeps the answers of modules both templates share, and names what would be lost', () => {
    const answers = { 11: { optionId: 1 }, 12: { text: '王经理' }, 13: { text: '谈了报价' }, 15: { location: { lat: 1, lng: 2 } } }
    expect(carryAnswers(answers, template, other)).toEqual({
      kept: { 13: { text: '谈了报价' } },
      dropped: ['拜访方式', '联系人'],
    })
  })

  it('loses nothing when nothing was entered', () => {
    expect(carryAnswers({ 12: { text: '' } }, template, other)).toEqual({ kept: {}, dropped: [] })
  })
})
