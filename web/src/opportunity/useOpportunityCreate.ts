import type { BusinessLine, OpportunityCreated } from '@app/shared'
import type { CreateAttempt, OpportunityDraft } from './opportunityDraft'
import { ref, watch } from 'vue'
import { postOpportunity } from '../api/endpoints'
import { toApiError } from '../api/http'
import { newIdempotencyKey } from '../api/idempotencyKey'
import { buildCreateSubmission, freshOpportunityDraft, opportunityDraftStorage, processAfterLineChange } from './opportunityDraft'

export const CREATE_OFFLINE = '新建商机需要网络：现在没有网络。已选的内容都保留着，联网后再点「创建商机」。'
const CREATE_NETWORK = '网络不稳定，没有收到谱蓝云的结果。已选的内容都保留着，再点「创建商机」即可，不会重复创建。'

/** The browser's own word; the sandbox and old webviews may not know, so only an explicit false counts. */
const offline = () => navigator.onLine === false

interface CreateOptions { externalUserId: string, customerName: string, lines: readonly BusinessLine[] }

/** The 新建商机 sheet's state: the choices (kept on the device), one idempotency key per body, and what happened. */
export function useOpportunityCreate({ externalUserId, customerName, lines }: CreateOptions) {
  const saved = opportunityDraftStorage.load(externalUserId)
  const draft = ref<OpportunityDraft>(saved?.draft ?? freshOpportunityDraft(lines, customerName))
  let attempt: CreateAttempt | null = saved?.attempt ?? null
  const busy = ref(false)
  const problem = ref<string | null>(null)
  const outcomeUnknown = ref(false)

  const persist = () => opportunityDraftStorage.save(externalUserId, { draft: draft.value, attempt })
  watch(draft, () => {
    persist()
    if (!busy.value && !outcomeUnknown.value)
      problem.value = null
  }, { deep: true })

  function chooseLine(lineId: number) {
    draft.value = { ...draft.value, lineId, processId: processAfterLineChange(lines, lineId, draft.value.processId) }
  }

  function keyFor(fingerprint: string): string {
    if (attempt?.fingerprint !== fingerprint) {
      attempt = { key: newIdempotencyKey(), fingerprint }
      persist()
    }
    return attempt.key
  }

  /** Sends the choices once; resolves to what the server answered, or null with `problem` saying why not. */
  async function create(): Promise<OpportunityCreated | null> {
    if (busy.value)
      return null
    problem.value = null
    const built = buildCreateSubmission(draft.value, externalUserId, new Date())
    if (!built.ok) {
      problem.value = built.message
      return null
    }
    if (offline()) {
      problem.value = CREATE_OFFLINE
      return null
    }
    busy.value = true
    try {
      const created = await postOpportunity(built.submission, keyFor(JSON.stringify(built.submission)))
      attempt = null
      outcomeUnknown.value = false
      opportunityDraftStorage.clear(externalUserId)
      return created
    }
    catch (error) {
      const apiError = toApiError(error)
      outcomeUnknown.value = apiError.code === 'UPSTREAM_OUTCOME_UNKNOWN'
      problem.value = apiError.code === 'NETWORK' ? (offline() ? CREATE_OFFLINE : CREATE_NETWORK) : apiError.message
      return null
    }
    finally {
      busy.value = false
    }
  }

  /** After "outcome unknown" and a look at the list: the salesperson asks for a new one under a new key. */
  function startOver() {
    attempt = null
    outcomeUnknown.value = false
    problem.value = null
    persist()
  }

  return { draft, busy, problem, outcomeUnknown, chooseLine, create, startOver }
}
