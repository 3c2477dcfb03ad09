import type { KeyValueStore } from './store'
import { Redis } from 'ioredis'
import { StoreUnavailableError, ttlMillis } from './store'

// Compare-and-delete must be one step, or a slow caller could delete a value another instance just wrote.
const DELETE_IF_EQUALS = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`

/** Redis-backed store shared by every instance. Fails fast (no offline queue) so Redis down is a 503, not a hang. */
export function createRedisStore(url: string, keyPrefix = 'followup:'): KeyValueStore {
  const redis = new Redis(url, {
    keyPrefix,
    enableOfflineQueue: false,
    // A command in flight when the connection drops fails at once instead of waiting for a reconnect.
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    commandTimeout: 2000,
    retryStrategy: times => Math.min(times * 200, 2000),
  })
  // Reconnection is automatic; errors surface on the commands that fail.
  redis.on('error', () => {})

  // Only the first connection is waited for (briefly); after that a lost connection fails commands at once.
  const firstReady = new Promise<boolean>((resolve) => {
    redis.once('ready', () => resolve(true))
    setTimeout(resolve, 2000, false).unref()
  })

  async function run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    try {
      await firstReady
      return await command()
    }
    catch {
      throw new StoreUnavailableError(operation)
    }
  }

  return {
    get: key => run('get', () => redis.get(key)),
    set: async (key, value, ttlMs) => {
      const px = ttlMillis(ttlMs)
      await run('set', () => redis.set(key, value, 'PX', px))
    },
    setIfAbsent: async (key, value, ttlMs) => {
      const px = ttlMillis(ttlMs)
      return (await run('setIfAbsent', () => redis.set(key, value, 'PX', px, 'NX'))) === 'OK'
    },
    deleteIfEquals: async (key, expected) =>
      Number(await run('deleteIfEquals', () => redis.eval(DELETE_IF_EQUALS, 1, key, expected))) === 1,
    delete: async (key) => {
      await run('delete', () => redis.del(key))
    },
    ping: async () => {
      await run('ping', () => redis.ping())
    },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
