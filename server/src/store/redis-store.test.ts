import { describe, expect, it } from 'vitest'
import { createRedisStore } from './redis-store'
import { storeContract } from './store-contract'
import { StoreUnavailableError } from './store'

// scripts/test.sh starts a private redis-server on loopback and sets TEST_REDIS_URL.
const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6390'

storeContract('redis', () => createRedisStore(url, `test:${process.pid}:`))

describe('redis store when Redis is down', () => {
  it('fails fast with StoreUnavailableError instead of hanging', async () => {
    const store = createRedisStore('redis://127.0.0.1:1')
    const started = Date.now()
    await expect(store.get('k')).rejects.toBeInstanceOf(StoreUnavailableError)
    await expect(store.setIfAbsent('k', 'v', 1000)).rejects.toBeInstanceOf(StoreUnavailableError)
    expect(Date.now() - started).toBeLessThan(3000)
    await store.close()
  })
})
