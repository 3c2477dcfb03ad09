import { z } from './zod'
import { jsonText, LIMITS, positiveId, requiredText } from './primitives'

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
  required: z.boolean().default(false),
  placeholder: z.string().max(LIMITS.nameLength).optional(),
  options: z.array(TemplateOption).min(1).max(50).optional(),
}).refine(module => module.moduleType !== 'Radio' || (module.options?.length ?? 0) > 0, {
  message: '单选模块（Radio）必须列出 options',
  path: ['options'],
})
export type TemplateModule = z.infer<typeof TemplateModule>

export const FollowTemplate = z.strictObject({
  templateId: positiveId('模板 templateId'),
  templateName: requiredText('模板名称', LIMITS.nameLength),
  version: z.number().int().min(0),
  results: z.array(ResultChoice).min(1).max(20).optional(),
  modules: z.array(TemplateModule).min(1).max(LIMITS.detailsPerFollowUp),
}).refine(template => new Set(template.modules.map(m => m.moduleId)).size === template.modules.length, {
  message: '同一模板内 moduleId 不能重复',
  path: ['modules'],
})
export type FollowTemplate = z.infer<typeof FollowTemplate>

export const TemplatesFile = z.strictObject({
  templates: z.array(FollowTemplate).min(1, '模板文件至少要有一个模板'),
}).refine(file => new Set(file.templates.map(t => t.templateId)).size === file.templates.length, {
  message: 'templateId 不能重复',
  path: ['templates'],
})
export type TemplatesFile = z.infer<typeof TemplatesFile>

/** Results offered when a template lists none. */
export const DEFAULT_RESULTS = [
  { value: 'finish', label: '已完成' },
  { value: 'unfinished', label: '未完成' },
] as const
