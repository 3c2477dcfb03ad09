import type { FollowUpReceipt, FollowUpSubmission } from '@app/shared'
import type { OutboxEntry, OutboxStatus } from '../storage/outboxStorage'
import type { RecentFollowUp } from './recent'
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { postFollowUp } from '../api/endpoints'
import { toApiError } from '../api/http'
import { newIdempotencyKey } from '../api/idempotencyKey'
import { clearDraft } from '../drafts/draftStorage'
import { loadOutbox, retryDelayMs, saveOutbox } from '../storage/outboxStorage'
import { useRecentStore } from './recent'
import { useSessionStore } from './session'

export type { OutboxEntry, OutboxStatus } from '../storage/outboxStorage'
export type OutboxLabels = Pick<OutboxEntry, 'customerName' | 'businessName' | 'stageChange' | 'firstAnswer'>
export type SendOutcome = { status: 'sent', receipt: FollowUpReceipt } | { status: Exclude<OutboxStatus, 'sending'>, entry: OutboxEntry }

/** Statuses worth retrying with the same key: the request may never have arrived, or its outcome is unknown. */
function statusAfter(status: number, code: string): Exclude<OutboxStatus, 'sending'> {
  if (status === 504 || code === 'UPSTREAM_OUTCOME_UNKNOWN')
    return 'unknown'
  // 谱蓝云 answered and said no: sending the same body again cannot help, the salesperson must change something.
  if (code === 'UPSTREAM_REJECTED')
    return 'failed'
  if (code === 'NETWORK' || status >= 500 || [401, 408, 409, 429].includes(status))
    return 'pending'
  return 'failed'
}

/** Submissions on their way: persisted before sending, retried with the same Idempotency-Key until the server answers. */
export const useOutboxStore = defineStore('outbox', () => {
  const entries = ref<OutboxEntry[]>(loadOutbox())
  const lastDelivered = ref<RecentFollowUp | null>(null)
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  const inFlight = new Set<string>()

  const session = useSessionStore()
  const persist = () => saveOutbox(entries.value)
  const find = (key: string) => entries.value.find(e => e.key === key)
  /**
   * A queued follow-up is sent only by the salesperson who submitted it: after someone else signs in on this
   * device, it waits (unseen) for its owner instead of going out under the new session.
   */
  const mine = (entry: OutboxEntry) => Boolean(session.me) && entry.owner === session.me!.wecomUserId

  function update(key: string, change: Partial<OutboxEntry>) {
    entries.value = entries.value.map(e => (e.key === key ? { ...e, ...change } : e))
    persist()
  }

  function remove(key: string) {
    clearTimeout(timers.get(key))
    timers.delete(key)
    entries.value = entries.value.filter(e => e.key !== key)
    persist()
  }

  function scheduleRetry(entry: OutboxEntry) {
    clearTimeout(timers.get(entry.key))
    timers.set(entry.key, setTimeout(() => void send(entry.key), retryDelayMs(entry.attempts)))
  }

  async function send(key: string): Promise<SendOutcome | null> {
    const entry = find(key)
    if (!entry || !mine(entry) || entry.status === 'failed' || inFlight.has(key))
      return null
    inFlight.add(key)
    clearTimeout(timers.get(key))
    update(key, { status: 'sending', attempts: entry.attempts + 1 })
    try {
      const receipt = await postFollowUp(entry.submission, key)
      remove(key)
      clearDraft(entry.submission.externalUserId, entry.submission.businessId)
      const delivered: RecentFollowUp = {
        receipt,
        externalUserId: entry.submission.externalUserId,
        customerName: entry.customerName,
        businessName: entry.businessName,
        stageChange: entry.stageChange,
        firstAnswer: entry.firstAnswer,
        submission: entry.submission,
      }
      useRecentStore().add(delivered)
      lastDelivered.value = delivered
      return { status: 'sent', receipt }
    }
    catch (caught) {
      const error = toApiError(caught)
      const status = statusAfter(error.status, error.code)
      update(key, { status, error: { code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) } })
      const updated = find(key)!
      if (status !== 'failed')
        scheduleRetry(updated)
      return { status, entry: updated }
    }
    finally {
      inFlight.delete(key)
    }
  }

  /** Persists the submission with a new key before the first attempt, then sends it. */
  function submit(submission: FollowUpSubmission, names: OutboxLabels) {
    const owner = session.me?.wecomUserId
    if (!owner)
      throw new Error('no signed-in salesperson to submit as')
    const stale = entries.value.filter(e => mine(e) && e.status === 'failed' && sameTarget(e, submission))
    stale.forEach(e => remove(e.key))
    const entry: OutboxEntry = { key: newIdempotencyKey(), owner, submission, createdAt: new Date().toISOString(), status: 'pending', attempts: 0, ...names }
    entries.value = [...entries.value, entry]
    persist()
    return send(entry.key) as Promise<SendOutcome>
  }

  /**
   * The way out of "outcome unknown": the salesperson checked 谱蓝云 and did not find the record, so the same
   * submission goes again under a new key (the old key would only replay the unknown outcome).
   */
  function resendAsNew(key: string) {
    const entry = find(key)
    if (!entry || !mine(entry))
      return null
    remove(key)
    const { customerName, businessName, stageChange, firstAnswer } = entry
    return submit(entry.submission, { customerName, businessName, ...(stageChange && { stageChange }), ...(firstAnswer && { firstAnswer }) })
  }

  /** The salesperson found the record in 谱蓝云: stop confirming, keep the draft until they clear it. */
  function forget(key: string) {
    const entry = find(key)
    if (entry && !mine(entry))
      return
    remove(key)
  }

  /** Retries everything not failed; used on page open, on `online`, and by the banner's button. */
  function flush() {
    return Promise.all(entries.value.filter(e => mine(e) && e.status !== 'failed').map(e => send(e.key)))
  }

  function activeFor(externalUserId: string, businessId: number) {
    return entries.value.find(e => mine(e) && sameTarget(e, { externalUserId, businessId }))
  }

  let listening = false
  function startAutoRetry() {
    if (!listening) {
      listening = true
      window.addEventListener('online', () => void flush())
      // The salesperson becomes known (or changes) after start-up: their own waiting follow-ups go then.
      watch(() => session.me?.wecomUserId, () => void flush())
    }
    return flush()
  }

  return { entries, lastDelivered, submit, send, resendAsNew, forget, flush, remove, activeFor, startAutoRetry }
})

function sameTarget(entry: OutboxEntry, target: { externalUserId: string, businessId: number }) {
  return entry.submission.externalUserId === target.externalUserId && entry.submission.businessId === target.businessId
}
