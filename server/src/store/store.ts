/** Shared state with expiry: tokens, tickets, idempotency records, OAuth state. Memory by default, Redis when configured. */
export interface KeyValueStore {
  get: (key: string) => Promise<string | null>
  set: (key: string, value: string, ttlMs: number) => Promise<void>
  /** Atomically stores the value only when the key is absent; true when this call stored it. */
  setIfAbsent: (key: string, value: string, ttlMs: number) => Promise<boolean>
  /** Deletes the key only while it still holds `expected` (so a late caller cannot remove a newer value). */
  deleteIfEquals: (key: string, expected: string) => Promise<boolean>
  delete: (key: string) => Promise<void>
  ping: () => Promise<void>
  close: () => Promise<void>
}

/** The store could not be reached; answered as 503 STORE_UNAVAILABLE, never a hang. */
export class StoreUnavailableError extends Error {
  constructor(operation: string) {
    super(`store unavailable during ${operation}`)
    this.name = 'StoreUnavailableError'
  }
}

/** A TTL in whole milliseconds (at least 1); a negative or non-finite TTL is a programming error, not an outage. */
export function ttlMillis(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs < 0)
    throw new RangeError(`invalid TTL: ${ttlMs} ms`)
  return Math.max(1, Math.round(ttlMs))
}
