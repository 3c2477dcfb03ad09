import type { Store } from 'express-rate-limit'
import { Redis } from 'ioredis'
import { RedisStore } from 'rate-limit-redis'

/**
 * rate-limit-redis keeps the promise of its loaded Lua script: one that failed while Redis was away would fail every
 * later count. On a failure the scripts are loaded again, so counting resumes once Redis is back.
 */
class RecoveringRedisStore extends RedisStore {
  override async increment(key: string) {
    try {
      return await super.increment(key)
    }
    catch (error) {
      this.reloadScripts()
      throw error
    }
  }

  override async get(key: string) {
    try {
      return await super.get(key)
    }
    catch (error) {
      this.reloadScripts()
      throw error
    }
  }

  private reloadScripts() {
    this.incrementScriptSha = this.loadIncrementScript()
    this.getScriptSha = this.loadGetScript()
    this.incrementScriptSha.catch(() => {})
    this.getScriptSha.catch(() => {})
  }
}

export interface RateLimitStores {
  /** A store for one limiter; each limiter needs its own (its own key prefix). */
  storeFor: (limiter: string) => Store
  close: () => Promise<void>
}

/** Rate-limit counters in the shared Redis, so N instances behind a balancer still allow each limit once. */
export function createRedisRateLimitStores(url: string, keyPrefix = 'followup:rl:'): RateLimitStores {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    // Counting must not add seconds when Redis stalls: after this the request passes uncounted (passOnStoreError).
    commandTimeout: 300,
    retryStrategy: times => Math.min(times * 200, 2000),
  })
  redis.on('error', () => {})
  // Only the first connection is waited for (briefly), so the scripts load at start; later a lost connection fails fast.
  const firstReady = new Promise<void>((resolve) => {
    redis.once('ready', () => resolve())
    setTimeout(resolve, 2000).unref()
  })
  return {
    storeFor: limiter => new RecoveringRedisStore({
      sendCommand: async (command: string, ...args: string[]) => {
        await firstReady
        return redis.call(command, ...args) as Promise<never>
      },
      prefix: `${keyPrefix}${limiter}:`,
    }),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
