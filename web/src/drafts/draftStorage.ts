import type { FollowUpForm } from '../follow-up/formState'

const PREFIX = 'followup:draft:'
const VERSION = 1

interface StoredDraft { v: number, savedAt: string, form: FollowUpForm }

/**
 * Drafts belong to the salesperson who typed them: on a shared device, whoever signs in next sees none of them
 * (and cannot send or clear them). The session sets the owner once it knows who is signed in; until then there
 * are no drafts to read or write.
 */
let owner: string | null = null

export function setDraftOwner(salesperson: string | null) {
  owner = salesperson
}

export function draftKey(externalUserId: string, businessId: number) {
  return `${PREFIX}${owner}:${externalUserId}:${businessId}`
}

const lastKey = (externalUserId: string) => `${PREFIX}last:${owner}:${externalUserId}`

function read<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(key)
    return text ? JSON.parse(text) as T : null
  }
  catch {
    // A corrupt or unreadable entry is treated as no draft rather than breaking the page.
    return null
  }
}

export function loadDraft(externalUserId: string, businessId: number): FollowUpForm | null {
  if (!owner)
    return null
  const stored = read<StoredDraft>(draftKey(externalUserId, businessId))
  return stored?.v === VERSION && stored.form && typeof stored.form === 'object' ? stored.form : null
}

export function saveDraft(externalUserId: string, businessId: number, form: FollowUpForm) {
  if (!owner)
    return
  const stored: StoredDraft = { v: VERSION, savedAt: new Date().toISOString(), form }
  try {
    localStorage.setItem(draftKey(externalUserId, businessId), JSON.stringify(stored))
    localStorage.setItem(lastKey(externalUserId), String(businessId))
  }
  catch (error) {
    console.warn('草稿保存失败', error)
  }
}

export function clearDraft(externalUserId: string, businessId: number) {
  if (owner)
    localStorage.removeItem(draftKey(externalUserId, businessId))
}

/** The opportunity whose draft was saved last for this customer, so reopening lands on it. */
export function lastDraftBusiness(externalUserId: string): number | null {
  if (!owner)
    return null
  const value = Number(localStorage.getItem(lastKey(externalUserId)))
  return Number.isInteger(value) && value > 0 ? value : null
}
