import type { KeyValueStore } from '../store/store'
import type { UpstreamName } from './upstream-error'
import { randomUUID } from 'node:crypto'
import { UpstreamError } from './upstream-error'

export interface FetchedToken { value: string, expiresInSeconds: number }

export interface TokenCache {
  get: () => Promise<string>
  /** Drops `staleValue` if it is still the cached one, so the next get() fetches a new token. */
  invalidate: (staleValue: string) => Promise<void>
  /** Drops whatever is cached, so the next get() fetches (a ticket the client proved bad). */
  forget: () => Promise<void>
}

interface Options {
  store: KeyValueStore
  /** Whose token: a waiter that gives up reports that upstream as unavailable. */
  upstream: UpstreamName
  key: string
  fetch: () => Promise<FetchedToken>
  /** Told after every fetch from the upstream (for the metrics). */
  onRefresh?: (outcome: 'ok' | 'failed') => void
  /** Refresh this long before the upstream's own expiry. */
  marginSeconds?: number
  lockTtlMs?: number
  pollMs?: number
}

/**
 * A token or ticket cached in the store until shortly before it expires, fetched once however many callers ask at the
 * same moment: in-process through one shared promise, across instances through a lock key with expiry whose waiters
 * poll for the result.
 */
export function createTokenCache({ store, upstream, key, fetch, onRefresh, marginSeconds = 300, lockTtlMs = 15_000, pollMs = 25 }: Options): TokenCache {
  const lockKey = `${key}:lock`
  let inFlight: Promise<string> | undefined

  async function fetchUnderLock(): Promise<string> {
    const deadline = Date.now() + lockTtlMs * 2
    while (Date.now() < deadline) {
      const cached = await store.get(key)
      if (cached)
        return cached
      const owner = randomUUID()
      if (await store.setIfAbsent(lockKey, owner, lockTtlMs)) {
        try {
          // Another instance may have stored the token and released the lock since our read above.
          const stored = await store.get(key)
          if (stored)
            return stored
          const token = await fetch().then((fetched) => {
            onRefresh?.('ok')
            return fetched
          }, (error: unknown) => {
            onRefresh?.('failed')
            throw error
          })
          const ttlSeconds = Math.max(token.expiresInSeconds - marginSeconds, Math.ceil(token.expiresInSeconds / 2), 1)
          await store.set(key, token.value, ttlSeconds * 1000)
          return token.value
        }
        finally {
          await store.deleteIfEquals(lockKey, owner)
        }
      }
      await new Promise(resolve => setTimeout(resolve, pollMs))
    }
    throw new UpstreamError(upstream, 'timeout', false)
  }

  return {
    async get() {
      const cached = await store.get(key)
      if (cached)
        return cached
      inFlight ??= fetchUnderLock().finally(() => {
        inFlight = undefined
      })
      return inFlight
    },
    async invalidate(staleValue) {
      await store.deleteIfEquals(key, staleValue)
    },
    async forget() {
      await store.delete(key)
    },
  }
}
