import type { PrivateRedis } from '../../test/support/redis-process'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPrivateRedis } from '../../test/support/redis-process'
import { storeContract } from '../../test/support/store-contract'
import { createRedisStore } from './redis-store'
import { StoreUnavailableError } from './store'

// .ci/test.sh starts a private redis-server on loopback and sets TEST_REDIS_URL.
const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6390'

storeContract('redis', () => createRedisStore(url, `test:${process.pid}:`))

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work().catch(() => undefined)
  return performance.now() - started
}

describe('redis store shared by several instances', () => {
  const prefix = `shared:${process.pid}:${Math.random().toString(36).slice(2)}:`
  const raw = new Redis(url)
  const instances = [createRedisStore(url, prefix), createRedisStore(url, prefix), createRedisStore(url, prefix)]
  afterAll(async () => {
    await Promise.all(instances.map(store => store.close()))
    await raw.quit()
  })

  it('lets exactly one instance win set-if-absent, whichever connection asks', async () => {
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => instances[i % 3]!.setIfAbsent('lock', `owner-${i}`, 10_000)))
    expect(results.filter(Boolean)).toHaveLength(1)
    const winner = `owner-${results.indexOf(true)}`
    expect(await Promise.all(instances.map(store => store.get('lock')))).toEqual([winner, winner, winner])
    expect(await instances[1]!.deleteIfEquals('lock', 'owner-someone-else')).toBe(false)
    expect(await instances[2]!.deleteIfEquals('lock', winner)).toBe(true)
    expect(await instances[0]!.get('lock')).toBeNull()
  })

  it('keeps every key under its prefix and never without an expiry', async () => {
    await instances[0]!.set('token', 't', 60_000)
    await instances[1]!.setIfAbsent('claim', 'c', 5000)
    for (const [key, ttl] of [['token', 60_000], ['claim', 5000]] as const) {
      const pttl = await raw.pttl(`${prefix}${key}`)
      expect(pttl).toBeGreaterThan(ttl - 1000)
      expect(pttl).toBeLessThanOrEqual(ttl)
    }
    expect(await raw.exists('token')).toBe(0)
  })
})

describe('redis store when Redis is down', () => {
  it('fails fast with StoreUnavailableError instead of hanging', async () => {
    const store = createRedisStore('redis://127.0.0.1:1')
    const started = Date.now()
    await expect(store.get('k')).rejects.toBeInstanceOf(StoreUnavailableError)
    await expect(store.setIfAbsent('k', 'v', 1000)).rejects.toBeInstanceOf(StoreUnavailableError)
    expect(Date.now() - started).toBeLessThan(3000)
    await store.close()
  })

  describe('a Redis that goes away and comes back', () => {
    let redis: PrivateRedis
    beforeAll(async () => {
      redis = await startPrivateRedis()
    })
    afterAll(() => redis.stop())

    it('fails every operation at once while killed, and works again on the same store once restarted', async () => {
      const store = createRedisStore(redis.url)
      try {
        await store.set('k', 'v', 10_000)
        await redis.kill()
        const operations: (() => Promise<unknown>)[] = [
          () => store.get('k'),
          () => store.set('k', 'v', 1000),
          () => store.setIfAbsent('k', 'v', 1000),
          () => store.deleteIfEquals('k', 'v'),
          () => store.delete('k'),
          () => store.ping(),
        ]
        for (const operation of operations) {
          await expect(operation()).rejects.toBeInstanceOf(StoreUnavailableError)
          expect(await timed(operation)).toBeLessThan(500)
        }
        await redis.restart()
        await expect.poll(() => store.ping().then(() => 'up', () => 'down'), { timeout: 5000, interval: 100 }).toBe('up')
        expect(await store.setIfAbsent('k', 'fresh', 10_000)).toBe(true)
        expect(await store.get('k')).toBe('fresh')
      }
      finally {
        await store.close()
      }
    })

    it('gives up on a command within the command timeout when Redis stops answering', async () => {
      const store = createRedisStore(redis.url)
      try {
        await store.ping()
        redis.pause()
        const ms = await timed(() => store.get('k'))
        await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError)
        expect(ms).toBeGreaterThan(1500)
        expect(ms).toBeLessThan(3000)
      }
      finally {
        redis.resume()
        await store.close()
      }
    })
  })
})
