import type { CustomerContext, FollowTemplate, Opportunity } from '@app/shared'
import type { FollowUpForm } from './formState'
import { DEFAULT_RESULTS } from '@app/shared'
import { defaultScheduleName } from './formState'

export function resultChoices(template: FollowTemplate | null | undefined) {
  return template?.results ?? DEFAULT_RESULTS
}

/** A new form for an opportunity: first template, first result, started when the page was opened, next contact tomorrow. */
export function freshForm(context: CustomerContext, opportunity: Opportunity, openedAt: Date): FollowUpForm {
  const template = context.templates[0]
  return {
    stageId: opportunity.stageId,
    templateId: template?.templateId ?? 0,
    answers: {},
    result: resultChoices(template)[0]?.value ?? '',
    actualStartTime: openedAt.toISOString(),
    actualEndTime: null,
    remark: '',
    next: { choice: 'tomorrow', customTime: null, remindMinutes: 30, scheduleName: defaultScheduleName(context.customer.name), lengthMinutes: 30 },
  }
}

/** A restored draft may name a template or stage that no longer exists: fall back to the fresh values. */
export function reconcileDraft(draft: FollowUpForm, fresh: FollowUpForm, context: CustomerContext, opportunity: Opportunity): FollowUpForm {
  const template = context.templates.find(t => t.templateId === draft.templateId)
  const stageOk = opportunity.stages.some(s => s.stageId === draft.stageId) || draft.stageId === opportunity.stageId
  return {
    ...fresh,
    ...draft,
    templateId: template ? draft.templateId : fresh.templateId,
    stageId: stageOk ? draft.stageId : fresh.stageId,
    next: { ...fresh.next, ...draft.next },
    answers: template ? draft.answers ?? {} : {},
  }
}
