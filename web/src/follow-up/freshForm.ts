import type { CustomerContext, FollowTemplate, Opportunity } from '@app/shared'
import type { FollowUpForm } from './formState'
import { DEFAULT_RESULTS } from '@app/shared/constants'
import { defaultScheduleName } from './formState'

export function resultChoices(template: FollowTemplate | null | undefined) {
  return template?.results ?? DEFAULT_RESULTS
}

/**
 * A new form for an opportunity: the salesperson's last template (else the first), first result, started when the page
 * was opened, and no next contact: a calendar entry in 谱蓝云 is only made by a visible choice.
 */
export function freshForm(context: CustomerContext, opportunity: Opportunity, openedAt: Date, lastTemplateId: number | null = null): FollowUpForm {
  const template = context.templates.find(t => t.templateId === lastTemplateId) ?? context.templates[0]
  return {
    stageId: opportunity.stageId,
    baseStageId: opportunity.stageId,
    templateId: template?.templateId ?? 0,
    answers: {},
    result: resultChoices(template)[0]?.value ?? '',
    actualStartTime: openedAt.toISOString(),
    actualEndTime: null,
    remark: '',
    next: { choice: 'none', customTime: null, remindMinutes: 30, scheduleName: defaultScheduleName(context.customer.name), lengthMinutes: 30 },
  }
}

/** A restored draft may name a template or stage that no longer exists: fall back to the fresh values. */
export function reconcileDraft(draft: FollowUpForm, fresh: FollowUpForm, context: CustomerContext, opportunity: Opportunity): FollowUpForm {
  const template = context.templates.find(t => t.templateId === draft.templateId)
  // The stage moved on the server since the draft was typed (another log, another device): the server wins.
  const stageOk = draft.baseStageId === opportunity.stageId && opportunity.stages.some(s => s.stageId === draft.stageId)
  return {
    ...fresh,
    ...draft,
    templateId: template ? draft.templateId : fresh.templateId,
    stageId: stageOk ? draft.stageId : fresh.stageId,
    baseStageId: opportunity.stageId,
    next: { ...fresh.next, ...draft.next },
    answers: template ? draft.answers ?? {} : {},
  }
}
