import type { KeyValueStore } from '../store/store'
import { hash } from 'node:crypto'
import { stringify as canonicalJson } from 'safe-stable-stringify'

/** What the store keeps per key: in flight, or the answer to replay. */
export type IdempotencyRecord
  = | { state: 'in-flight', bodyHash: string }
    | { state: 'done', bodyHash: string, status: number, body: unknown }

export type Claim
  = | { kind: 'claimed' }
    | { kind: 'replay', status: number, body: unknown }
    | { kind: 'in-flight' }
    | { kind: 'reused' }

const IN_FLIGHT_TTL_MS = 5 * 60_000
const DONE_TTL_MS = 48 * 3600_000

/**
 * sha256 of the body's canonical JSON: keys sorted, undefined left out, no spaces (safe-stable-stringify writes exactly
 * this text), so the same fields in any order are the same body, and records written before keep matching. One-shot
 * `hash()`: the same hex digest as a Hash object's, without making one per submission.
 */
export function hashBody(body: unknown): string {
  return hash('sha256', canonicalJson(body) ?? '', 'hex')
}

/** Idempotency keys are scoped to the salesperson, so one person's key can never replay another's answer. */
export function createIdempotency(store: KeyValueStore) {
  const storeKey = (owner: string, key: string) => `idem:${owner}:${key}`

  return {
    async claim(owner: string, key: string, bodyHash: string): Promise<Claim> {
      const record: IdempotencyRecord = { state: 'in-flight', bodyHash }
      if (await store.setIfAbsent(storeKey(owner, key), JSON.stringify(record), IN_FLIGHT_TTL_MS))
        return { kind: 'claimed' }
      const existing = await store.get(storeKey(owner, key))
      if (existing === null)
        return this.claim(owner, key, bodyHash)
      const found = JSON.parse(existing) as IdempotencyRecord
      if (found.bodyHash !== bodyHash)
        return { kind: 'reused' }
      if (found.state === 'in-flight')
        return { kind: 'in-flight' }
      return { kind: 'replay', status: found.status, body: found.body }
    },

    /** Keeps the answer so the same key replays it. */
    async complete(owner: string, key: string, bodyHash: string, status: number, body: unknown) {
      const record: IdempotencyRecord = { state: 'done', bodyHash, status, body }
      await store.set(storeKey(owner, key), JSON.stringify(record), DONE_TTL_MS)
    },

    /** Forgets the key when nothing reached the upstream, so a retry may send it. */
    async release(owner: string, key: string) {
      await store.delete(storeKey(owner, key))
    },
  }
}
