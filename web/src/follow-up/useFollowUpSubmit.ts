import type { RecentFollowUp } from '../stores/recent'
import type { SubmitDeps } from './submitFlow'
import type { FormErrors } from './validate'
import { computed, ref, watch } from 'vue'
import { useOutboxStore } from '../stores/outbox'
import { useUploadsStore } from '../stores/uploads'
import { toFormErrors } from './validate'

/** What a tap on 提交 runs (with the form's rules): not part of the first screen, app.ts asks for it once that is settled. */
const loadFlow = () => import('./submitFlow')
const FLOW_LIMIT_MS = 20_000
export const FLOW_MISSING = '提交所需的页面代码没有加载出来，可能是网络中断了。已填的内容已保存为草稿，请检查网络后再点提交。'

/** The flow, or a rejection once it has not arrived within the limit (a stalled connection must not hang 提交). */
function loadFlowWithin(ms: number): ReturnType<typeof loadFlow> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('submit flow: timeout')), ms)
    loadFlow().then(resolve, reject).finally(() => clearTimeout(timer))
  })
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

  // Once the salesperson has tried to submit, messages follow what they fix.
  watch(deps.form, async () => {
    if (attempted.value)
      errors.value = (await loadFlow().catch(() => null))?.check(deps)?.errors ?? errors.value
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

  async function submit() {
    // The button says "上传中 1/2…" meanwhile; the submission would leave the running files out.
    if (uploads.inFlight > 0)
      return
    attempted.value = true
    let flow: Awaited<ReturnType<typeof loadFlow>>
    busy.value = true
    try {
      flow = await loadFlowWithin(FLOW_LIMIT_MS)
    }
    catch {
      errors.value = { form: FLOW_MISSING }
      return
    }
    finally {
      busy.value = false
    }
    await flow.submit(deps, { errors, busy })
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
