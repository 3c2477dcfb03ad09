import type { BusinessLine, OpportunityCreateSubmission } from '@app/shared'
import type { NextContactDraft } from '../follow-up/formState'
import { OpportunityCreateSubmission as Schema } from '@app/shared'
import { defaultScheduleName } from '../follow-up/formState'
import { buildNextTime } from '../follow-up/nextContact'

/** What the salesperson chose in the 新建商机 sheet, kept on the device until the opportunity exists. */
export interface OpportunityDraft {
  lineId: number | null
  processId: number | null
  next: NextContactDraft
}

const PREFIX = 'followup:opportunity-draft:'

/** A new draft: a line and a process are preselected when there is only one to choose; no next contact. */
export function freshOpportunityDraft(lines: readonly BusinessLine[], customerName: string): OpportunityDraft {
  const line = lines.length === 1 ? lines[0]! : null
  return {
    lineId: line?.lineId ?? null,
    processId: line?.processes.length === 1 ? line.processes[0]!.processId : null,
    next: { choice: 'none', customTime: null, remindMinutes: 30, scheduleName: defaultScheduleName(customerName), lengthMinutes: 30 },
  }
}

/** The process to show after choosing a line: kept when it belongs to it, the only one when there is one. */
export function processAfterLineChange(lines: readonly BusinessLine[], lineId: number, processId: number | null): number | null {
  const line = lines.find(candidate => candidate.lineId === lineId)
  if (!line)
    return null
  if (line.processes.some(process => process.processId === processId))
    return processId
  return line.processes.length === 1 ? line.processes[0]!.processId : null
}

export type BuiltCreate = { ok: true, submission: OpportunityCreateSubmission } | { ok: false, message: string }

/** The request body, checked with the shared schema; a missing choice gets the sentence the sheet shows. */
export function buildCreateSubmission(draft: OpportunityDraft, externalUserId: string, now: Date): BuiltCreate {
  if (draft.lineId === null)
    return { ok: false, message: '请选择业务线' }
  if (draft.processId === null)
    return { ok: false, message: '请选择流程' }
  const nextTime = buildNextTime(draft.next, now)
  const parsed = Schema.safeParse({ externalUserId, lineId: draft.lineId, processId: draft.processId, ...(nextTime && { nextTime }) })
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? '请检查填写的内容' }
  return { ok: true, submission: parsed.data }
}

/** The key of the last attempt and the body it was for: the same body is retried under the same key. */
export interface CreateAttempt { key: string, fingerprint: string }
interface Saved { draft: OpportunityDraft, attempt?: CreateAttempt | null }

export const opportunityDraftStorage = {
  load(externalUserId: string): Saved | null {
    try {
      const saved = JSON.parse(localStorage.getItem(PREFIX + externalUserId) ?? 'null') as Saved | null
      return saved && typeof saved === 'object' && saved.draft?.next ? saved : null
    }
    catch {
      return null
    }
  },
  save(externalUserId: string, draft: Saved) {
    try {
      localStorage.setItem(PREFIX + externalUserId, JSON.stringify(draft))
    }
    catch {}
  },
  clear(externalUserId: string) {
    localStorage.removeItem(PREFIX + externalUserId)
  },
}
