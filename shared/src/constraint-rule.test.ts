import type { TemplateModule } from './template'
import { describe, expect, it } from 'vitest'
import { constraintProblems } from './constraint-rule'
import { moduleConstraints } from './module-constraints'

function module(moduleType: string, config: Record<string, unknown>, extra: Partial<TemplateModule> = {}): TemplateModule {
  return { moduleId: 1, moduleType, moduleName: '模块', moduleConfig: JSON.stringify(config), required: false, ...extra }
}
const options = [{ optionId: 1, label: '甲' }, { optionId: 2, label: '乙' }, { optionId: 3, label: '丙' }]

describe('moduleConstraints', () => {
  it.each([
    ['TextArea', { maxLength: 500 }, { control: 'TextArea', maxLength: 500, maxCount: 1 }],
    ['Text', {}, { control: 'Text', maxLength: 2000 }],
    ['Text', { maxLength: 99999 }, { maxLength: 2000 }],
    ['Attachment', { maxCount: 9, accept: 'image/*' }, { control: 'Attachment', maxCount: 9, accept: ['image/*'] }],
    ['Checkbox', { maxCount: 2 }, { control: 'Checkbox', maxCount: 2 }],
    ['Number', { min: 0, max: 100 }, { control: 'Number', min: 0, max: 100 }],
    ['Date', {}, { control: 'Date' }],
    ['Rating', { maxLength: 'x' }, { control: 'Text', maxLength: 2000 }],
  ])('reads %s %j', (type, config, expected) => {
    expect(moduleConstraints(module(type, config))).toMatchObject(expected)
  })

  it('reads a module once while its config stays the same, and again when it changes', () => {
    const attachment = module('Attachment', { maxCount: 2, accept: 'image/*' })
    const first = moduleConstraints(attachment)
    expect(moduleConstraints(attachment)).toBe(first)
    expect(moduleConstraints({ ...attachment })).toEqual(first)

    attachment.moduleConfig = JSON.stringify({ maxCount: 5, accept: '.pdf' })
    expect(moduleConstraints(attachment)).toMatchObject({ maxCount: 5, accept: ['.pdf'] })
    attachment.moduleType = 'Text'
    expect(moduleConstraints(attachment)).toMatchObject({ control: 'Text', maxCount: 1 })
  })

  it('shares a frozen answer, so no caller can change what the next one reads', () => {
    const limits = moduleConstraints(module('Attachment', { accept: 'image/*' }))
    expect(Object.isFrozen(limits)).toBe(true)
    expect(Object.isFrozen(limits.accept)).toBe(true)
  })
})

describe('constraintProblems', () => {
  it.each([
    ['500 characters in a 500 module', module('TextArea', { maxLength: 500 }), [{ content: '字'.repeat(500) }]],
    ['a photo in an image-only module', module('Attachment', { accept: 'image/*' }), [{ fileId: 1, fileName: 'a.JPG' }]],
    ['a pdf where .pdf is accepted', module('Attachment', { accept: 'image/*,.pdf' }), [{ fileId: 1, fileName: '报价.pdf' }]],
    ['two of three options', module('Checkbox', { maxCount: 2 }, { options }), [{ optionId: 1, content: '甲' }, { optionId: 2, content: '乙' }]],
    ['a number in range', module('Number', { min: 0, max: 100 }), [{ content: '99.5' }]],
    ['a calendar date', module('Date', {}), [{ content: '2028-02-29' }]],
  ])('accepts %s', (_, mod, details) => {
    expect(constraintProblems(mod, details)).toEqual({})
  })

  it.each([
    ['501 characters in a 500 module', module('TextArea', { maxLength: 500 }), [{ content: '字'.repeat(501) }], { 0: '「模块」不能超过 500 个字' }],
    ['a document in an image-only module', module('Attachment', { accept: 'image/*' }), [{ fileId: 1, fileName: '报价.docx' }], { 0: '「模块」只能上传图片' }],
    ['ten files where 9 are allowed', module('Attachment', { maxCount: 9 }), Array.from({ length: 10 }, (_, i) => ({ fileId: i + 1 })), { count: '「模块」最多 9 个附件' }],
    ['three options where 2 may be chosen', module('Checkbox', { maxCount: 2 }, { options }), options.map(o => ({ optionId: o.optionId, content: o.label })), { count: '「模块」最多选 2 项' }],
    ['a checkbox answer without optionId', module('Checkbox', {}, { options }), [{ content: '甲' }], { 0: '「模块」请选择选项（缺少 optionId）' }],
    ['words in a number module', module('Number', {}), [{ content: '很多' }], { 0: '「模块」请填写数字' }],
    ['a number above max', module('Number', { min: 0, max: 100 }), [{ content: '101' }], { 0: '「模块」应在 0 到 100 之间' }],
    ['a number below min', module('Number', { min: 1 }), [{ content: '0' }], { 0: '「模块」不能小于 1' }],
    ['two numbers', module('Number', {}), [{ content: '1' }, { content: '2' }], { count: '「模块」只能填一个答案' }],
    ['a date that does not exist', module('Date', {}), [{ content: '2026-02-30' }], { 0: '「模块」请选择日期（例如 2026-12-01）' }],
    ['a date in words', module('Date', {}), [{ content: '下周一' }], { 0: '「模块」请选择日期（例如 2026-12-01）' }],
  ])('refuses %s', (_, mod, details, expected) => {
    expect(constraintProblems(mod, details)).toEqual(expected)
  })
})
