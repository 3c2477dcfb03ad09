import { describe, expect, it } from 'vitest'
import { createMemoryStore } from '../store/memory-store'
import { createTokenCache } from './token-cache'

function counter(expiresInSeconds = 7200) {
  let calls = 0
  return {
    get calls() { return calls },
    fetch: async () => {
      calls++
      await new Promise(resolve => setTimeout(resolve, 20))
      return { value: `token-${calls}`, expiresInSeconds }
    },
  }
}

describe('createTokenCache', () => {
  it('fetches once for two hundred simultaneous callers', async () => {
    const source = counter()
    const cache = createTokenCache({ store: createMemoryStore(), upstream: 'wecom', key: 't', fetch: source.fetch })
    const tokens = await Promise.all(Array.from({ length: 200 }, () => cache.get()))
    expect(source.calls).toBe(1)
    expect(new Set(tokens)).toEqual(new Set(['token-1']))
  })

  it('fetches once across two caches sharing one store (two instances)', async () => {
    const store = createMemoryStore()
    const source = counter()
    const a = createTokenCache({ store, upstream: 'wecom', key: 't', fetch: source.fetch })
    const b = createTokenCache({ store, upstream: 'wecom', key: 't', fetch: source.fetch })
    const tokens = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).get()))
    expect(source.calls).toBe(1)
    expect(new Set(tokens).size).toBe(1)
  })

  it('refetches after invalidate of the current token, but not of a stale one', async () => {
    const source = counter()
    const cache = createTokenCache({ store: createMemoryStore(), upstream: 'wecom', key: 't', fetch: source.fetch })
    expect(await cache.get()).toBe('token-1')
    await cache.invalidate('token-0')
    expect(await cache.get()).toBe('token-1')
    await cache.invalidate('token-1')
    expect(await cache.get()).toBe('token-2')
  })

  it('refreshes before the upstream expiry', async () => {
    let now = 0
    const store = createMemoryStore(() => now)
    const source = counter(7200)
    const cache = createTokenCache({ store, upstream: 'wecom', key: 't', fetch: source.fetch, marginSeconds: 300 })
    await cache.get()
    now = (7200 - 301) * 1000
    await cache.get()
    expect(source.calls).toBe(1)
    now = (7200 - 299) * 1000
    await cache.get()
    expect(source.calls).toBe(2)
  })

  it('lets the next caller retry after a failed fetch', async () => {
    let fail = true
    const cache = createTokenCache({
      store: createMemoryStore(),
      upstream: 'wecom',
      key: 't',
      fetch: async () => {
        if (fail)
          throw new Error('upstream down')
        return { value: 'ok', expiresInSeconds: 7200 }
      },
    })
    await expect(cache.get()).rejects.toThrow('upstream down')
    fail = false
    await expect(cache.get()).resolves.toBe('ok')
  })

  it('does not fetch again when another instance stored the token between the read and the lock', async () => {
    const store = createMemoryStore()
    const source = counter()
    const realGet = store.get
    let reads = 0
    // The first read misses; by the time the lock is won, another instance has stored its token.
    store.get = async (key) => {
      reads++
      if (reads === 1) {
        await store.set('t', 'from-another-instance', 60_000)
        return null
      }
      return realGet(key)
    }
    const cache = createTokenCache({ store, upstream: 'wecom', key: 't', fetch: source.fetch })
    expect(await cache.get()).toBe('from-another-instance')
    expect(source.calls).toBe(0)
  })
})
