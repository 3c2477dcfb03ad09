import type { FollowTemplate, Opportunity } from '@app/shared'
import type { Ref } from 'vue'
import type { RecentFollowUp } from '../stores/recent'
import type { FollowUpForm } from './formState'
import type { FormErrors } from './validate'
import { computed, nextTick, ref, watch } from 'vue'
import { useOutboxStore } from '../stores/outbox'
import { useUploadsStore } from '../stores/uploads'
import { buildSubmission } from './buildSubmission'
import { rememberTemplate } from './lastTemplate'
import { stageChange } from './stages'
import { firstAnswer } from './summary'
import { slotOrder, toFormErrors } from './validate'

const loadRules = () => import('./validateSubmission')

interface SubmitDeps {
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

/** Validates with the shared schemas, hands the submission to the outbox, and reflects what the outbox reports. */
export function useFollowUpSubmit(deps: SubmitDeps) {
  const outbox = useOutboxStore()
  const uploads = useUploadsStore()
  const errors = ref<FormErrors>({})
  const busy = ref(false)
  const attempted = ref(false)
  const delivered = ref<RecentFollowUp | null>(null)
  const active = computed(() => (deps.opportunity.value ? outbox.activeFor(deps.externalUserId.value, deps.opportunity.value.businessId) : undefined))
  const blocked = computed(() => !!active.value && active.value.status !== 'failed')

  async function check() {
    const { validateSubmission } = await loadRules()
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

  // Once the salesperson has tried to submit, messages follow what they fix.
  watch(deps.form, async () => {
    if (attempted.value)
      errors.value = (await check())?.errors ?? {}
  }, { deep: true })

  watch(() => active.value?.status === 'failed' ? active.value : null, (failed) => {
    if (failed?.error)
      errors.value = { ...toFormErrors(failed.error.fieldErrors ?? {}, failed.submission), form: failed.error.message }
  })

  watch(() => outbox.lastDelivered, (item) => {
    if (item && item.externalUserId === deps.externalUserId.value) {
      delivered.value = item
      attempted.value = false
      errors.value = {}
      deps.reset()
      deps.refresh()
    }
  })

  /** Moving to 赢单/输单 closes the opportunity: the salesperson confirms it first. */
  async function confirmClosing(change: ReturnType<typeof stageChange>) {
    if (!change?.closing)
      return true
    const { confirmAction } = await import('./confirm')
    const verdict = change.closing === 'won' ? '赢单' : '输单'
    return confirmAction(`确认${verdict}？`, `商机阶段将从「${change.from}」改为「${change.to}」，商机随之结束（${verdict}）。`, `确认${verdict}`)
  }

  async function submit() {
    // The button says "上传中 1/2…" meanwhile; the submission would leave the running files out.
    if (uploads.inFlight > 0)
      return
    attempted.value = true
    const checked = await check()
    if (!checked || !deps.template.value)
      return
    if (uploads.failed > 0 && Object.keys(checked.errors).length === 0) {
      const { confirmAction } = await import('./confirm')
      if (!await confirmAction('附件未上传', `${uploads.failed} 个附件未上传成功，仍提交？（可先点按失败的附件重试）`, '仍提交'))
        return
    }
    errors.value = checked.errors
    if (Object.keys(checked.errors).length > 0) {
      await nextTick()
      return scrollToFirstError(checked.errors, deps.template.value)
    }
    const change = deps.opportunity.value ? stageChange(deps.opportunity.value, checked.submission.stageId) : null
    if (!await confirmClosing(change))
      return
    deps.flushDraft()
    rememberTemplate(checked.submission.templateId)
    busy.value = true
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
        scrollToFirstError(errors.value, deps.template.value)
      }
    }
    finally {
      busy.value = false
    }
  }

  return {
    errors,
    busy,
    active,
    blocked,
    delivered,
    submit,
    retry: () => active.value && outbox.send(active.value.key),
    resendAsNew: () => active.value && outbox.resendAsNew(active.value.key),
    forget: () => active.value && outbox.forget(active.value.key),
  }
}
