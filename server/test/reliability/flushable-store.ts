import type { KeyValueStore } from '../../src/store/store'
import { createMemoryStore } from '../../src/store/memory-store'

export interface FlushableStore extends KeyValueStore {
  /** Forgets every cached token, ticket and idempotency record, so the next request fetches them again. */
  flush: () => void
}

/** An in-memory store a test can empty between cases, so each case starts with no cached token or ticket. */
export function createFlushableStore(): FlushableStore {
  let inner = createMemoryStore()
  return {
    get: key => inner.get(key),
    set: (key, value, ttlMs) => inner.set(key, value, ttlMs),
    setIfAbsent: (key, value, ttlMs) => inner.setIfAbsent(key, value, ttlMs),
    deleteIfEquals: (key, expected) => inner.deleteIfEquals(key, expected),
    delete: key => inner.delete(key),
    ping: () => inner.ping(),
    close: () => inner.close(),
    flush() {
      void inner.close()
      inner = createMemoryStore()
    },
  }
}
