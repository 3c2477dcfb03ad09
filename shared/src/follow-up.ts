import type { FollowUpSubmission } from './api'
import type { FieldErrors } from './errors'
import type { FollowTemplate } from './template'
import { constraintProblems } from './constraint-rule'
import { detailProblem } from './module-rule'

type Answers = Pick<FollowUpSubmission, 'detailList'>

/**
 * Checks a submission against its template: unknown or repeated modules, unanswered required modules, answers that do
 * not fit the module type, options the module does not offer, and what the module's moduleConfig forbids. Shared so the form shows exactly what the server
 * would refuse.
 */
export function templateProblems(template: FollowTemplate, submission: Answers): FieldErrors {
  const problems = answerProblems(template, submission)
  for (const [key, messages] of Object.entries(missingRequiredModules(template, submission)))
    (problems[key] ??= []).push(...messages)
  return problems
}

/** Required modules left unanswered, keyed `modules.<moduleId>`. */
export function missingRequiredModules(template: FollowTemplate, submission: Answers): FieldErrors {
  const problems: FieldErrors = {}
  const answered = new Set(submission.detailList.filter(answer => answer.detail.length > 0).map(answer => answer.moduleId))
  for (const module of template.modules) {
    if (module.required && !answered.has(module.moduleId))
      problems[`modules.${module.moduleId}`] = [`「${module.moduleName}」是必填项`]
  }
  return problems
}

/** Answers that do not fit the template: unknown or repeated modules, the moduleType rule, options not offered. */
export function answerProblems(template: FollowTemplate, submission: Answers): FieldErrors {
  const problems: FieldErrors = {}
  const add = (key: string, message: string) => (problems[key] ??= []).push(message)
  const modules = new Map(template.modules.map(module => [module.moduleId, module]))
  const seen = new Set<number>()

  submission.detailList.forEach((answer, index) => {
    const module = modules.get(answer.moduleId)
    if (!module)
      return add(`detailList.${index}.moduleId`, `模板「${template.templateName}」没有模块 ${answer.moduleId}`)
    if (seen.has(answer.moduleId))
      return add(`detailList.${index}.moduleId`, `「${module.moduleName}」重复提交`)
    seen.add(answer.moduleId)
    if (module.moduleType === 'Radio' && answer.detail.length > 1)
      add(`detailList.${index}.detail`, `「${module.moduleName}」是单选题，只能选一个`)
    answer.detail.forEach((detail, detailIndex) => {
      const problem = detailProblem(module.moduleType, module.moduleName, detail)
      if (problem)
        return add(`detailList.${index}.detail.${detailIndex}`, problem)
      if (module.options && detail.optionId !== undefined && !module.options.some(o => o.optionId === detail.optionId))
        add(`detailList.${index}.detail.${detailIndex}.optionId`, `「${module.moduleName}」没有这个选项`)
    })
    for (const [at, message] of Object.entries(constraintProblems(module, answer.detail)))
      add(at === 'count' ? `detailList.${index}.detail` : `detailList.${index}.detail.${at}`, message)
  })
  return problems
}
