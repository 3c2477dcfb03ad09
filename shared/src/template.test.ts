import { describe, expect, it } from 'vitest'
import { CHINESE, demoTemplate, fieldErrorsOf, issuesOf, setAt } from './fixtures/samples'
import { FollowTemplate, TemplateModule, TemplatesFile } from './template'

const radioModule = () => demoTemplate().modules[0]!

describe('followTemplate', () => {
  it('accepts the demo template and defaults `required` to false', () => {
    const parsed = FollowTemplate.parse(setAt(demoTemplate(), 'modules.3.required', undefined))
    expect(parsed.modules.map(m => m.required)).toEqual([true, true, false, false])
  })

  it.each([
    ['a Radio module without options', 'modules.0.options', undefined, 'modules.0.options', '单选模块（Radio）必须列出 options'],
    ['a Radio module with an empty options list', 'modules.0.options', [], 'modules.0.options', '单选模块（Radio）必须列出 options'],
    ['two modules with the same moduleId', 'modules.1.moduleId', 1, 'modules', '同一模板内 moduleId 不能重复'],
    ['a moduleConfig that is not JSON', 'modules.1.moduleConfig', '{label:', 'modules.1.moduleConfig', 'moduleConfig必须是 JSON 文本'],
    ['an empty moduleConfig', 'modules.1.moduleConfig', '', 'modules.1.moduleConfig', 'moduleConfig必须是 JSON 文本'],
    ['a moduleConfig over 10000 characters', 'modules.1.moduleConfig', JSON.stringify('x'.repeat(10_000)), 'modules.1.moduleConfig', 'moduleConfig过长'],
    ['a template without modules', 'modules', [], 'modules', ''],
    ['an option without a label', 'modules.0.options.0.label', ' ', 'modules.0.options.0.label', '请填写选项名称'],
    ['a blank templateName', 'templateName', '', 'templateName', '请填写模板名称'],
    ['a zero templateId', 'templateId', 0, 'templateId', '模板 templateId必须大于 0'],
    ['an unknown module key', 'modules.0.hint', 'x', 'modules.0', ''],
    ['an unknown template key', 'owner', 'x', '_form', ''],
  ])('rejects %s', (_, path, value, at, fragment) => {
    const errors = fieldErrorsOf(FollowTemplate, setAt(demoTemplate(), path, value))
    expect(errors[at]).toContainEqual(expect.stringContaining(fragment))
    expect(errors[at]?.[0]).toMatch(CHINESE)
  })

  it.each([
    ['a non-Radio module without options', { ...radioModule(), moduleType: 'Textarea', options: undefined }],
    ['a Radio module with one option', { ...radioModule(), options: [{ optionId: 1, label: '是' }] }],
  ])('accepts %s', (_, module) => {
    expect(TemplateModule.safeParse(module).success).toBe(true)
  })
})

describe('templatesFile', () => {
  const second = () => ({ ...demoTemplate(), templateId: 2, templateName: '拜访' })

  it('accepts templates with distinct templateIds (moduleIds may repeat across templates)', () => {
    expect(fieldErrorsOf(TemplatesFile, { templates: [demoTemplate(), second()] })).toEqual({})
  })

  it.each([
    ['no templates', { templates: [] }, 'templates', '模板文件至少要有一个模板'],
    ['two templates with the same templateId', { templates: [demoTemplate(), { ...second(), templateId: 1 }] }, 'templates', 'templateId 不能重复'],
    ['a bad template inside', { templates: [demoTemplate(), setAt(second(), 'modules.0.options', undefined)] }, 'templates.1.modules.0.options', '单选模块（Radio）必须列出 options'],
    ['a missing templates list', {}, 'templates', ''],
  ])('rejects %s', (_, file, at, fragment) => {
    const errors = fieldErrorsOf(TemplatesFile, file)
    expect(errors[at]).toContainEqual(expect.stringContaining(fragment))
    expect(errors[at]?.[0]).toMatch(CHINESE)
  })

  it('rejects unknown top-level keys', () => {
    expect(issuesOf(TemplatesFile, { templates: [demoTemplate()], comment: 'x' })).toMatchObject([{ code: 'unrecognized_keys', keys: ['comment'] }])
  })
})
