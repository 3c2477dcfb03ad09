import type { FollowUpReceipt, FollowUpSubmission } from '@app/shared'
import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface RecentFollowUp {
  receipt: FollowUpReceipt
  externalUserId: string
  customerName: string
  businessName: string
  stageChange?: { from: string, to: string } | undefined
  /** The first answer, so rows of the same template can be told apart. */
  firstAnswer?: string | undefined
  /** What was sent, for the read-only view of a row. */
  submission?: FollowUpSubmission | undefined
}

const STORAGE_KEY = 'followup:recent'
export const RECENT_LIMIT = 20

function load(): RecentFollowUp[] {
  try {
    const items = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]')
    return Array.isArray(items) ? items : []
  }
  catch {
    return []
  }
}

/** The last follow-ups this browser logged, newest first. */
export const useRecentStore = defineStore('recent', () => {
  const items = ref<RecentFollowUp[]>(load())

  function add(item: RecentFollowUp) {
    const rest = items.value.filter(i => i.receipt.idempotencyKey !== item.receipt.idempotencyKey)
    items.value = [item, ...rest].slice(0, RECENT_LIMIT)
    localStorage.setItem(STORAGE_KEY, JSON.stringify(items.value))
  }

  return { items, add }
})
