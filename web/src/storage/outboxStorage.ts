import type { FollowUpSubmission } from '@app/shared'

export type OutboxStatus = 'sending' | 'pending' | 'unknown' | 'failed'

export interface OutboxEntry {
  key: string
  /** The salesperson (wecomUserId) who submitted it: only their session ever sends it. */
  owner: string
  submission: FollowUpSubmission
  createdAt: string
  status: OutboxStatus
  attempts: number
  customerName: string
  businessName: string
  /** What the success screen and the recent list say about it (the body alone cannot say what the stage was). */
  stageChange?: { from: string, to: string }
  firstAnswer?: string
  error?: { code: string, message: string, fieldErrors?: Record<string, string[]> }
}

const STORAGE_KEY = 'followup:outbox'

export function loadOutbox(): OutboxEntry[] {
  try {
    const entries = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]')
    // An entry left 'sending' by a killed page is retried with its key; the server replays or confirms.
    return Array.isArray(entries)
      ? entries.map((e: OutboxEntry) => (e.status === 'sending' ? { ...e, status: 'pending' as const } : e))
      : []
  }
  catch {
    return []
  }
}

export function saveOutbox(entries: OutboxEntry[]) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(entries))
}

/** Waits before the n-th automatic retry: 2 s, 5 s, 15 s, 30 s, then every minute. */
export function retryDelayMs(attempts: number) {
  const steps = [2_000, 5_000, 15_000, 30_000]
  return steps[attempts - 1] ?? 60_000
}
