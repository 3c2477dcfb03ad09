import type { TestServer } from '../../test/support/harness'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../../test/support/harness'

// .ci/test.sh starts a private redis-server on loopback and sets TEST_REDIS_URL; database 5 is this file's.
const redisUrl = Object.assign(new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6390'), { pathname: '/5' }).href
const LIMIT = 10

let a: TestServer
let b: TestServer
let redis: Redis
beforeAll(async () => {
  redis = new Redis(redisUrl)
  await redis.flushdb()
  const env = { REDIS_URL: redisUrl, RATE_LIMIT_API_PER_USER: String(LIMIT), RATE_LIMIT_AUTH_PER_IP: String(LIMIT) }
  ;[a, b] = await Promise.all([startTestServer({ env }), startTestServer({ env })])
})
afterAll(async () => {
  await Promise.all([a.close(), b.close()])
  await redis.flushdb()
  redis.disconnect()
})

describe('rate limits with REDIS_URL hold across instances', () => {
  it('allows one salesperson the per-user limit once in total over two instances, not once per instance', async () => {
    const cookie = await a.login('zhangwei')
    const answers = []
    for (let i = 0; i < LIMIT + 4; i++)
      answers.push((await (i % 2 ? b : a).api('/api/me', { cookie })).status)
    expect(answers.filter(status => status === 200)).toHaveLength(LIMIT)
    expect(answers.slice(LIMIT)).toEqual([429, 429, 429, 429])
    const limited = await b.api('/api/me', { cookie })
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/操作太频繁/) })
  })

  it('counts another salesperson separately', async () => {
    const cookie = await b.login('lina')
    expect((await a.api('/api/me', { cookie })).status).toBe(200)
  })

  it('shares the per-IP sign-in limit too', async () => {
    await redis.del(...await redis.keys('followup:rl:auth-ip:*'))
    const statuses = []
    for (let i = 0; i < LIMIT + 2; i++)
      statuses.push((await (i % 2 ? b : a).api('/auth/login?returnTo=%2F')).status)
    expect(statuses.filter(status => status === 302)).toHaveLength(LIMIT)
    expect(statuses.slice(LIMIT)).toEqual([429, 429])
  })

  it('keeps the counters in Redis under the app prefix, each with an expiry', async () => {
    const keys = await redis.keys('followup:rl:*')
    expect(keys.some(key => key.startsWith('followup:rl:api-user:'))).toBe(true)
    for (const key of keys)
      expect(await redis.pttl(key)).toBeGreaterThan(0)
  })
})
