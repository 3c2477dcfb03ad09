import type { KeyValueStore } from '../../src/store/store'
import { createMemoryStore } from '../../src/store/memory-store'

export interface RecordingStore extends KeyValueStore {
  /** Every value ever written under a key matching the pattern (e.g. each token and ticket, refreshed ones too). */
  valuesOf: (keyPattern: RegExp) => string[]
}

/** An in-memory store that remembers what was written, so a test knows every token the server ever held. */
export function createRecordingStore(): RecordingStore {
  const inner = createMemoryStore()
  const written: { key: string, value: string }[] = []
  return {
    ...inner,
    async set(key, value, ttlMs) {
      written.push({ key, value })
      await inner.set(key, value, ttlMs)
    },
    async setIfAbsent(key, value, ttlMs) {
      written.push({ key, value })
      return inner.setIfAbsent(key, value, ttlMs)
    },
    valuesOf: keyPattern => [...new Set(written.filter(entry => keyPattern.test(entry.key)).map(entry => entry.value))],
  }
}
