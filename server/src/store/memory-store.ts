import type { KeyValueStore } from './store'
import { StoreFullError, ttlMillis } from './store'

interface Entry { value: string, expiresAt: number }

export interface MemoryStoreOptions {
  /** At most this many entries; then expired ones go, then evictable ones oldest-first, then writes are refused. */
  maxEntries?: number
  /** Keys that may be dropped while live when full (they can be redone: a sign-in, an upload); never idempotency records. */
  evictable?: (key: string) => boolean
}

export const DEFAULT_MAX_ENTRIES = 100_000
const EVICTABLE_PREFIXES = ['oauth:', 'file:']
const defaultEvictable = (key: string) => EVICTABLE_PREFIXES.some(prefix => key.startsWith(prefix))

export function createMemoryStore(now: () => number = Date.now, options: MemoryStoreOptions = {}): KeyValueStore {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES
  const evictable = options.evictable ?? defaultEvictable
  const entries = new Map<string, Entry>()
  const sweepExpired = () => {
    const t = now()
    for (const [key, entry] of entries) {
      if (entry.expiresAt <= t)
        entries.delete(key)
    }
  }
  const sweep = setInterval(sweepExpired, 60_000)
  sweep.unref()

  /** Room for one new key: expired entries first, then the oldest evictable one; else the store is full. */
  const makeRoom = () => {
    if (entries.size < maxEntries)
      return
    sweepExpired()
    if (entries.size < maxEntries)
      return
    for (const key of entries.keys()) {
      if (evictable(key)) {
        entries.delete(key)
        return
      }
    }
    throw new StoreFullError(entries.size)
  }

  const live = (key: string) => {
    const entry = entries.get(key)
    if (!entry)
      return undefined
    if (entry.expiresAt <= now()) {
      entries.delete(key)
      return undefined
    }
    return entry
  }

  // Map order is insertion order; a rewritten key moves to the end, so "oldest" means least recently written.
  const write = (key: string, entry: Entry) => {
    if (!entries.delete(key))
      makeRoom()
    entries.set(key, entry)
  }

  return {
    async get(key) {
      return live(key)?.value ?? null
    },
    async set(key, value, ttlMs) {
      write(key, { value, expiresAt: now() + ttlMillis(ttlMs) })
    },
    async setIfAbsent(key, value, ttlMs) {
      const expiresAt = now() + ttlMillis(ttlMs)
      if (live(key))
        return false
      write(key, { value, expiresAt })
      return true
    },
    async deleteIfEquals(key, expected) {
      if (live(key)?.value !== expected)
        return false
      entries.delete(key)
      return true
    },
    async delete(key) {
      entries.delete(key)
    },
    async ping() {},
    async close() {
      clearInterval(sweep)
      entries.clear()
    },
  }
}
