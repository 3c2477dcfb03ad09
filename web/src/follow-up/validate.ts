import type { FieldErrors, FollowTemplate, FollowUpSubmission } from '@app/shared'

/**
 * Where a message shows on the page: `module:<id>`, `times`, `nextTime`, `result`, `remark`, `opportunity`, or `form`.
 * The server's fieldErrors use the same keys as the shared schemas, so both are mapped here.
 */
export type FormErrors = Record<string, string>

export function fieldKeyToSlot(key: string, submission: Pick<FollowUpSubmission, 'detailList'>): string {
  const [head, second] = key.split('.')
  if (head === 'detailList' && second !== undefined) {
    const moduleId = submission.detailList[Number(second)]?.moduleId
    return moduleId === undefined ? 'form' : `module:${moduleId}`
  }
  if (head === 'modules' && second !== undefined)
    return `module:${second}`
  if (head === 'actualStartTime' || head === 'actualEndTime')
    return 'times'
  if (head === 'nextTime')
    return 'nextTime'
  if (head === 'result' || head === 'remark')
    return head
  if (head === 'businessId' || head === 'stageId' || head === 'externalUserId')
    return 'opportunity'
  if (head === 'templateId')
    return 'template'
  return 'form'
}

/** Keeps the first message per slot, in the order the problems were found. */
export function toFormErrors(fieldErrors: FieldErrors, submission: Pick<FollowUpSubmission, 'detailList'>): FormErrors {
  const errors: FormErrors = {}
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const slot = fieldKeyToSlot(key, submission)
    if (!errors[slot] && messages[0])
      errors[slot] = messages[0]
  }
  return errors
}

/** The slot order on the page, so the first error can be scrolled into view. */
export function slotOrder(template: FollowTemplate): string[] {
  return ['opportunity', 'template', ...template.modules.map(m => `module:${m.moduleId}`), 'result', 'times', 'remark', 'nextTime', 'form']
}
