import type { DetailAnswer } from './module-rule'
import type { TemplateModule } from './template'
import { acceptsFileName, describeAccept } from './file-types'
import { moduleConstraints } from './module-constraints'

type Detail = DetailAnswer & { fileName?: string | undefined }

const NUMBER = /^-?\d+(?:\.\d+)?$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function isCalendarDate(text: string) {
  const match = DATE.exec(text)
  if (!match)
    return false
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

function rangeProblem(name: string, value: number, min?: number, max?: number): string | null {
  if (min !== undefined && max !== undefined && (value < min || value > max))
    return `「${name}」应在 ${min} 到 ${max} 之间`
  if (min !== undefined && value < min)
    return `「${name}」不能小于 ${min}`
  if (max !== undefined && value > max)
    return `「${name}」不能大于 ${max}`
  return null
}

/** What the module's `moduleConfig` forbids in one detail, or null. */
function detailConstraintProblem(module: TemplateModule, detail: Detail): string | null {
  const limits = moduleConstraints(module)
  const name = module.moduleName
  if (detail.content !== undefined && detail.content.length > limits.maxLength)
    return `「${name}」不能超过 ${limits.maxLength} 个字`
  switch (limits.control) {
    case 'Checkbox':
      return detail.optionId === undefined ? `「${name}」请选择选项（缺少 optionId）` : null
    case 'Attachment':
      return detail.fileName !== undefined && !acceptsFileName(limits.accept, detail.fileName)
        ? `「${name}」只能上传${describeAccept(limits.accept)}`
        : null
    case 'Number': {
      const text = detail.content?.trim() ?? ''
      return NUMBER.test(text) ? rangeProblem(name, Number(text), limits.min, limits.max) : `「${name}」请填写数字`
    }
    case 'Date':
      return isCalendarDate(detail.content?.trim() ?? '') ? null : `「${name}」请选择日期（例如 2026-12-01）`
    default:
      return null
  }
}

/**
 * The constraints a template file can express (moduleConfig `maxLength`, `maxCount`, `accept`, `min`, `max`, and the
 * answer shape of each control), checked the same way by the page and the server. Returns messages keyed by the
 * detail index, or `count` for too many answers.
 */
export function constraintProblems(module: TemplateModule, details: readonly Detail[]): Record<string, string> {
  const limits = moduleConstraints(module)
  const problems: Record<string, string> = {}
  const counted = ['Attachment', 'Checkbox', 'Number', 'Date'].includes(limits.control)
  if (counted && details.length > limits.maxCount) {
    problems.count = limits.control === 'Attachment'
      ? `「${module.moduleName}」最多 ${limits.maxCount} 个附件`
      : limits.control === 'Checkbox' ? `「${module.moduleName}」最多选 ${limits.maxCount} 项` : `「${module.moduleName}」只能填一个答案`
  }
  details.forEach((detail, index) => {
    const problem = detailConstraintProblem(module, detail)
    if (problem)
      problems[String(index)] = problem
  })
  return problems
}
