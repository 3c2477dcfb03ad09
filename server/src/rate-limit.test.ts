import type { Store } from 'express-rate-limit'
import type { Limit } from './rate-limit'
import express from 'express'
import { MemoryStore } from 'express-rate-limit'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { limitRequests } from './rate-limit'

const byHeader = (name: string) => (req: express.Request) => String(req.headers[name] ?? 'none')

function appWith(limits: Omit<Limit, 'windowMs'>[]) {
  const storeErrors: string[] = []
  const app = express()
  app.use(limitRequests(limits.map(limit => ({ windowMs: 60_000, ...limit })), {
    onStoreError: limit => storeErrors.push(limit.name),
    refuse: (_req, res, limit) => {
      res.status(429).json({ refusedBy: limit.name })
    },
  }))
  app.get('/', (_req, res) => {
    res.json({ ok: true })
  })
  return { app, storeErrors }
}

const failingStore: Store = {
  increment: async () => {
    throw new Error('store away')
  },
  decrement: async () => {},
  resetKey: async () => {},
}

describe('limitRequests', () => {
  it('refuses the request after the limit, per key, and reports the draft-7 headers of the limits that show them', async () => {
    const { app } = appWith([{ name: 'user', limit: 2, key: byHeader('x-user'), headers: true }])
    const answers = []
    for (let i = 0; i < 3; i++)
      answers.push(await request(app).get('/').set('x-user', 'a'))
    expect(answers.map(a => a.status)).toEqual([200, 200, 429])
    expect(answers[2]!.body).toEqual({ refusedBy: 'user' })
    expect(answers[0]!.headers['ratelimit-policy']).toBe('2;w=60')
    expect(answers[0]!.headers.ratelimit).toBe('limit=2, remaining=1, reset=60')
    expect(answers[2]!.headers.ratelimit).toBe('limit=2, remaining=0, reset=60')
    expect((await request(app).get('/').set('x-user', 'b')).status).toBe(200)
  })

  it('checks the limits in order: one that refuses stops the later ones from counting', async () => {
    const userStore = new MemoryStore()
    const { app } = appWith([
      { name: 'ip', limit: 1, key: () => 'one-ip', headers: false },
      { name: 'user', limit: 5, key: byHeader('x-user'), store: userStore, headers: true },
    ])
    expect((await request(app).get('/').set('x-user', 'a')).status).toBe(200)
    const refused = await request(app).get('/').set('x-user', 'a')
    expect(refused.body).toEqual({ refusedBy: 'ip' })
    expect((await userStore.get('a'))?.totalHits).toBe(1)
  })

  it('sets no headers for a limit that shows none', async () => {
    const { app } = appWith([{ name: 'ip', limit: 5, key: () => 'one-ip', headers: false }])
    const answer = await request(app).get('/')
    expect(answer.headers.ratelimit).toBeUndefined()
    expect(answer.headers['ratelimit-policy']).toBeUndefined()
  })

  it('lets a request through uncounted by a limit whose store fails, and says so', async () => {
    const { app, storeErrors } = appWith([
      { name: 'redis-backed', limit: 1, key: () => 'k', store: failingStore, headers: true },
      { name: 'memory', limit: 1, key: () => 'k', headers: false },
    ])
    expect((await request(app).get('/')).status).toBe(200)
    expect(storeErrors).toEqual(['redis-backed'])
    expect((await request(app).get('/')).body).toEqual({ refusedBy: 'memory' })
  })

  it('starts each store with the window, as express-rate-limit does (rate-limit-redis needs it for expiry)', () => {
    const seen: number[] = []
    const store: Store = { ...failingStore, init: options => void seen.push(options.windowMs) }
    limitRequests([{ name: 'x', limit: 1, windowMs: 30_000, key: () => 'k', store, headers: false }], { onStoreError: () => {}, refuse: () => {} })
    expect(seen).toEqual([30_000])
  })
})
