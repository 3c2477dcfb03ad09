import type { FollowTemplate, Opportunity } from '@app/shared'
import type { Ref } from 'vue'
import type { FollowUpForm } from './formState'
import type { FormErrors } from './validate'
import { nextTick } from 'vue'
import { useOutboxStore } from '../stores/outbox'
import { useUploadsStore } from '../stores/uploads'
import { buildSubmission } from './buildSubmission'
import { rememberTemplate } from './lastTemplate'
import { stageChange } from './stages'
import { firstAnswer } from './summary'
import { slotOrder } from './validate'
import { validateSubmission } from './validateSubmission'

// What a tap on 提交 runs: checked with the shared schemas, confirmed where it closes the opportunity, handed to the
// outbox. Not part of the first screen: app.ts asks for it once that is settled, so it is there offline too.

/** What the form's submit works on (given by useFollowUpSubmit). */
export interface SubmitDeps {
  externalUserId: Ref<string>
  customerName: Ref<string>
  form: Ref<FollowUpForm | null>
  opportunity: Ref<Opportunity | null>
  template: Ref<FollowTemplate | null>
  reset: () => void
  flushDraft: () => void
  /** Reloads the opportunity (stage, status) from the server after a delivered submission. */
  refresh: () => void
}

function scrollToFirstError(errors: FormErrors, template: FollowTemplate) {
  const first = slotOrder(template).find(slot => errors[slot])
  document.querySelector(`[data-slot="${first}"]`)?.scrollIntoView?.({ behavior: 'smooth', block: 'center' })
}

export function check(deps: SubmitDeps) {
  if (!deps.form.value || !deps.opportunity.value || !deps.template.value)
    return null
  const submission = buildSubmission(deps.form.value, {
    externalUserId: deps.externalUserId.value,
    businessId: deps.opportunity.value.businessId,
    template: deps.template.value,
    now: new Date(),
  })
  return { submission, errors: validateSubmission(submission, deps.template.value, deps.form.value) }
}

/** Moving to 赢单/输单 closes the opportunity: the salesperson confirms it first. */
async function confirmClosing(change: ReturnType<typeof stageChange>) {
  if (!change?.closing)
    return true
  const { confirmAction } = await import('./confirm')
  const verdict = change.closing === 'won' ? '赢单' : '输单'
  return confirmAction(`确认${verdict}？`, `商机阶段将从「${change.from}」改为「${change.to}」，商机随之结束（${verdict}）。`, `确认${verdict}`)
}

export async function submit(deps: SubmitDeps, state: { errors: Ref<FormErrors>, busy: Ref<boolean> }) {
  const outbox = useOutboxStore()
  const uploads = useUploadsStore()
  const checked = check(deps)
  if (!checked || !deps.template.value)
    return
  if (uploads.failed > 0 && Object.keys(checked.errors).length === 0) {
    const { confirmAction } = await import('./confirm')
    if (!await confirmAction('附件未上传', `${uploads.failed} 个附件未上传成功，仍提交？（可先点按失败的附件重试）`, '仍提交'))
      return
  }
  state.errors.value = checked.errors
  if (Object.keys(checked.errors).length > 0) {
    await nextTick()
    return scrollToFirstError(checked.errors, deps.template.value)
  }
  const change = deps.opportunity.value ? stageChange(deps.opportunity.value, checked.submission.stageId) : null
  if (!await confirmClosing(change))
    return
  deps.flushDraft()
  rememberTemplate(checked.submission.templateId)
  state.busy.value = true
  try {
    const answer = firstAnswer(checked.submission, deps.template.value)
    const names = {
      customerName: deps.customerName.value,
      businessName: deps.opportunity.value?.businessName ?? '',
      ...(change && { stageChange: { from: change.from, to: change.to } }),
      ...(answer && { firstAnswer: answer }),
    }
    const outcome = await outbox.submit(checked.submission, names)
    if (outcome.status === 'failed') {
      await nextTick()
      scrollToFirstError(state.errors.value, deps.template.value)
    }
  }
  finally {
    state.busy.value = false
  }
}
