import { keyOfRemark } from './submissions'

export interface SentRequest { cookie: string, body: string }

/** What the load generator sent and was answered, per Idempotency-Key. */
export class Tally {
  readonly sent = new Map<string, SentRequest>()
  readonly statusOf = new Map<string, number>()
  /** Keys whose answer was cut off by the end of the run and that were then sent again (as the page's outbox does). */
  readonly resent = new Set<string>()

  answered(key: string, status: number) {
    this.statusOf.set(key, status)
  }

  unanswered(): [string, SentRequest][] {
    return [...this.sent].filter(([key]) => !this.statusOf.has(key))
  }

  /** Compares the answers with the follow-ups 谱蓝云 recorded. */
  reconcile(remarks: string[]) {
    const recorded = new Map<string, number>()
    for (const remark of remarks) {
      const key = keyOfRemark(remark)
      if (key)
        recorded.set(key, (recorded.get(key) ?? 0) + 1)
    }
    const created = [...this.statusOf].filter(([, status]) => status === 201).map(([key]) => key)
    const recordedKeys = [...recorded.keys()]
    return {
      created: created.length,
      records: remarks.length,
      resent: this.resent.size,
      /** Answered 201 but nothing upstream. */
      lost: created.filter(key => !recorded.has(key)).length,
      /** One key recorded more than once. */
      duplicates: [...recorded.values()].filter(count => count > 1).length,
      /** Recorded although the client was told it failed (504 "outcome unknown" excepted: it says it may exist). */
      recordedButRefused: recordedKeys.filter(key => this.statusOf.has(key) && this.statusOf.get(key) !== 201 && this.statusOf.get(key) !== 504).length,
      /** Recorded with a key this run never sent, or never answered. */
      unaccounted: recordedKeys.filter(key => !this.sent.has(key) || !this.statusOf.has(key)).length,
    }
  }
}
