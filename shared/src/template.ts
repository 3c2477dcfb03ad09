import { moduleControl } from './module-constraints'
import { integer, jsonText, LIMITS, positiveId, requiredText, ruleAt } from './primitives'
import { z } from './zod'

export const TemplateOption = z.strictObject({
  optionId: positiveId('选项 optionId'),
  label: requiredText('选项名称', LIMITS.nameLength),
})

export const ResultChoice = z.strictObject({
  value: requiredText('结果取值', LIMITS.resultLength),
  label: requiredText('结果名称', LIMITS.nameLength),
})

export const TemplateModule = z.strictObject({
  moduleId: positiveId('模块 moduleId'),
  moduleType: requiredText('模块类型', 32),
  moduleName: requiredText('模块名称', LIMITS.nameLength),
  moduleConfig: jsonText('moduleConfig'),
  required: z._default(z.boolean(), false),
  placeholder: z.optional(z.string().check(z.maxLength(LIMITS.nameLength))),
  options: z.optional(z.array(TemplateOption).check(z.minLength(1), z.maxLength(50))),
}).check(
  ruleAt(module => module.moduleType !== 'Radio' || (module.options?.length ?? 0) > 0, '单选模块（Radio）必须列出 options', ['options']),
  ruleAt(module => moduleControl(module.moduleType) !== 'Checkbox' || (module.options?.length ?? 0) > 0, '多选模块（Checkbox）必须列出 options', ['options']),
)
export type TemplateModule = z.infer<typeof TemplateModule>

export const FollowTemplate = z.strictObject({
  templateId: positiveId('模板 templateId'),
  templateName: requiredText('模板名称', LIMITS.nameLength),
  version: integer('模板版本必须是数字', '模板版本必须是整数', z.minimum(0, '模板版本不能为负')),
  results: z.optional(z.array(ResultChoice).check(z.minLength(1), z.maxLength(20))),
  modules: z.array(TemplateModule).check(z.minLength(1), z.maxLength(LIMITS.detailsPerFollowUp)),
}).check(ruleAt(template => new Set(template.modules.map(m => m.moduleId)).size === template.modules.length, '同一模板内 moduleId 不能重复', ['modules']))
export type FollowTemplate = z.infer<typeof FollowTemplate>

export const TemplatesFile = z.strictObject({
  templates: z.array(FollowTemplate).check(z.minLength(1, '模板文件至少要有一个模板')),
}).check(ruleAt(file => new Set(file.templates.map(t => t.templateId)).size === file.templates.length, 'templateId 不能重复', ['templates']))
export type TemplatesFile = z.infer<typeof TemplatesFile>

export { DEFAULT_RESULTS } from './limits'
