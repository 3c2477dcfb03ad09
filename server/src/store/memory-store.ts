import type { KeyValueStore } from './store'
import { ttlMillis } from './store'

interface Entry { value: string, expiresAt: number }

export function createMemoryStore(now: () => number = Date.now): KeyValueStore {
  const entries = new Map<string, Entry>()
  const sweep = setInterval(() => {
    const t = now()
    for (const [key, entry] of entries) {
      if (entry.expiresAt <= t)
        entries.delete(key)
    }
  }, 60_000)
  sweep.unref()

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

  return {
    async get(key) {
      return live(key)?.value ?? null
    },
    async set(key, value, ttlMs) {
      entries.set(key, { value, expiresAt: now() + ttlMillis(ttlMs) })
    },
    async setIfAbsent(key, value, ttlMs) {
      const expiresAt = now() + ttlMillis(ttlMs)
      if (live(key))
        return false
      entries.set(key, { value, expiresAt })
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
