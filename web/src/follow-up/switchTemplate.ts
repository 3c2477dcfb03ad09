import type { FollowTemplate } from '@app/shared'
import type { ModuleAnswerDraft } from './formState'
import { moduleControl } from '@app/shared/constants'
import { moduleDetails } from './buildSubmission'

/**
 * Answers kept when the template changes: a module of the same id and type in both templates keeps its answer
 * (options are kept only when the new module still offers them). `dropped` names what the salesperson entered that
 * the new template has no place for (a location the page filled in by itself does not count).
 */
export function carryAnswers(answers: Record<string, ModuleAnswerDraft>, from: FollowTemplate, to: FollowTemplate) {
  const kept: Record<string, ModuleAnswerDraft> = {}
  const dropped: string[] = []
  for (const module of from.modules) {
    const answer = answers[String(module.moduleId)]
    if (!answer || moduleDetails(module, answer).length === 0)
      continue
    const target = to.modules.find(m => m.moduleId === module.moduleId && m.moduleType === module.moduleType)
    const fits = target && moduleDetails(target, answer).length > 0
    if (fits)
      kept[String(module.moduleId)] = answer
    else if (moduleControl(module.moduleType) !== 'Location')
      dropped.push(module.moduleName)
  }
  return { kept, dropped }
}
