import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KeyValueStore } from './store'

/** The behaviour every store must have; run against each implementation. */
export function storeContract(name: string, create: () => Promise<KeyValueStore> | KeyValueStore) {
  describe(`${name} store`, () => {
    let store: KeyValueStore
    const prefix = `contract:${Math.random().toString(36).slice(2)}:`
    beforeEach(async () => {
      store = await create()
    })
    afterEach(async () => {
      await store.close()
    })

    it('returns what was set and null for a missing key', async () => {
      await store.set(`${prefix}a`, 'one', 10_000)
      expect(await store.get(`${prefix}a`)).toBe('one')
      expect(await store.get(`${prefix}missing`)).toBeNull()
    })

    it('forgets a value after its TTL', async () => {
      await store.set(`${prefix}short`, 'v', 50)
      await new Promise(resolve => setTimeout(resolve, 120))
      expect(await store.get(`${prefix}short`)).toBeNull()
    })

    it('sets if absent only once, even when many callers race', async () => {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.setIfAbsent(`${prefix}race`, `v${i}`, 10_000)))
      expect(results.filter(Boolean)).toHaveLength(1)
      const winner = results.indexOf(true)
      expect(await store.get(`${prefix}race`)).toBe(`v${winner}`)
    })

    it('sets if absent again once the first value expired', async () => {
      expect(await store.setIfAbsent(`${prefix}lock`, 'a', 50)).toBe(true)
      await new Promise(resolve => setTimeout(resolve, 120))
      expect(await store.setIfAbsent(`${prefix}lock`, 'b', 10_000)).toBe(true)
      expect(await store.get(`${prefix}lock`)).toBe('b')
    })

    it('deletes if equal, and leaves a newer value alone', async () => {
      await store.set(`${prefix}token`, 'new', 10_000)
      expect(await store.deleteIfEquals(`${prefix}token`, 'old')).toBe(false)
      expect(await store.get(`${prefix}token`)).toBe('new')
      expect(await store.deleteIfEquals(`${prefix}token`, 'new')).toBe(true)
      expect(await store.get(`${prefix}token`)).toBeNull()
    })

    it('deletes a key', async () => {
      await store.set(`${prefix}gone`, 'v', 10_000)
      await store.delete(`${prefix}gone`)
      expect(await store.get(`${prefix}gone`)).toBeNull()
    })

    it('answers ping while reachable', async () => {
      await expect(store.ping()).resolves.toBeUndefined()
    })
  })
}
