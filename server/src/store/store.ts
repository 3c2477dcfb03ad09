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

/**
 * The memory store is full of live records it must not drop (idempotency records: dropping one would let a retry
 * send a follow-up twice). Answered as 503 STORE_FULL; the message is for the operator's log.
 */
export class StoreFullError extends Error {
  constructor(readonly entries: number) {
    super(`memory store full (${entries} live entries that cannot be dropped): set REDIS_URL to keep them in Redis`)
    this.name = 'StoreFullError'
  }
}

/** A TTL in whole milliseconds (at least 1); a negative or non-finite TTL is a programming error, not an outage. */
export function ttlMillis(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs < 0)
    throw new RangeError(`invalid TTL: ${ttlMs} ms`)
  return Math.max(1, Math.round(ttlMs))
}
