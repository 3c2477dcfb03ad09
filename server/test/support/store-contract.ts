import type { KeyValueStore } from '../../src/store/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

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
      await sleep(120)
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
      await sleep(120)
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

    it('replaces the value and its TTL when set again', async () => {
      await store.set(`${prefix}again`, 'first', 50)
      await store.set(`${prefix}again`, 'second', 10_000)
      await sleep(120)
      expect(await store.get(`${prefix}again`)).toBe('second')
    })

    it('leaves the value and its TTL alone when set-if-absent loses', async () => {
      await store.set(`${prefix}held`, 'holder', 80)
      expect(await store.setIfAbsent(`${prefix}held`, 'late', 10_000)).toBe(false)
      expect(await store.get(`${prefix}held`)).toBe('holder')
      await sleep(150)
      expect(await store.get(`${prefix}held`)).toBeNull()
    })

    it('does not delete-if-equal a missing or an expired key', async () => {
      expect(await store.deleteIfEquals(`${prefix}never`, 'v')).toBe(false)
      await store.set(`${prefix}expired`, 'v', 30)
      await sleep(80)
      expect(await store.deleteIfEquals(`${prefix}expired`, 'v')).toBe(false)
    })

    it.each([
      ['Chinese text', '客户关心价格，下周再约'],
      ['JSON', JSON.stringify({ state: 'done', body: { remark: '换行\n和"引号"' } })],
      ['an empty string', ''],
    ])('keeps %s exactly', async (_name, value) => {
      await store.set(`${prefix}text`, value, 10_000)
      expect(await store.get(`${prefix}text`)).toBe(value)
    })

    it.each([0, 0.4])('lets a TTL of %s ms expire at once instead of keeping the value forever', async (ttlMs) => {
      await store.set(`${prefix}instant`, 'v', ttlMs)
      expect(await store.setIfAbsent(`${prefix}instant-lock`, 'v', ttlMs)).toBe(true)
      await sleep(20)
      expect(await store.get(`${prefix}instant`)).toBeNull()
      expect(await store.get(`${prefix}instant-lock`)).toBeNull()
    })

    it.each([Number.NaN, -1, Number.POSITIVE_INFINITY])('refuses a TTL of %s', async (ttlMs) => {
      await expect(store.set(`${prefix}bad`, 'v', ttlMs)).rejects.toBeInstanceOf(RangeError)
      await expect(store.setIfAbsent(`${prefix}bad`, 'v', ttlMs)).rejects.toBeInstanceOf(RangeError)
      expect(await store.get(`${prefix}bad`)).toBeNull()
    })

    it('answers ping while reachable', async () => {
      await expect(store.ping()).resolves.toBeUndefined()
    })
  })
}
