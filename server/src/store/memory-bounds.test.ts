import type { TestServer } from '../../test/support/harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PNG_1PX } from '../../test/support/file-samples'
import { startTestServer } from '../../test/support/harness'
import { fullSubmission, newKey } from '../../test/support/submission'
import { trimArray, trimMap } from '../sandbox/bounded'
import { SandboxRecords } from '../sandbox/records'
import { createMemoryStore } from './memory-store'
import { StoreFullError } from './store'

describe('the memory store has a size cap', () => {
  it('drops expired entries first', async () => {
    let t = 0
    const store = createMemoryStore(() => t, { maxEntries: 3 })
    await store.set('idem:a', '1', 10)
    await store.set('idem:b', '2', 1000)
    await store.set('idem:c', '3', 1000)
    t = 20
    await store.set('idem:d', '4', 1000)
    expect(await Promise.all(['idem:b', 'idem:c', 'idem:d'].map(key => store.get(key)))).toEqual(['2', '3', '4'])
    await store.close()
  })

  it('then evicts OAuth states and file records oldest-first, never a live idempotency record', async () => {
    const store = createMemoryStore(Date.now, { maxEntries: 4 })
    await store.set('oauth:old', 's1', 60_000)
    await store.set('idem:u:k1', 'in-flight', 60_000)
    await store.set('file:u:1', 'f1', 60_000)
    await store.set('oauth:new', 's2', 60_000)
    await store.set('idem:u:k2', 'in-flight', 60_000)
    expect(await store.get('oauth:old')).toBeNull()
    await store.set('idem:u:k3', 'in-flight', 60_000)
    expect(await store.get('file:u:1')).toBeNull()
    await store.set('idem:u:k4', 'in-flight', 60_000)
    expect(await store.get('oauth:new')).toBeNull()
    expect(await Promise.all(['idem:u:k1', 'idem:u:k2', 'idem:u:k3', 'idem:u:k4'].map(key => store.get(key)))).toEqual(Array.from({ length: 4 }, () => 'in-flight'))
    await expect(store.setIfAbsent('idem:u:k5', 'in-flight', 60_000)).rejects.toBeInstanceOf(StoreFullError)
    await expect(store.set('oauth:more', 's3', 60_000)).rejects.toThrow(/set REDIS_URL/)
    // Rewriting an existing key (completing a submission) needs no room.
    await store.set('idem:u:k1', 'done', 60_000)
    expect(await store.get('idem:u:k1')).toBe('done')
    await store.close()
  })
})

describe('a full memory store over HTTP', () => {
  let server: TestServer
  let cookie: string
  beforeAll(async () => {
    // Only sign-in states may go here, so the one upload stays attachable (its eviction is covered above).
    server = await startTestServer({ store: createMemoryStore(Date.now, { maxEntries: 40, evictable: key => key.startsWith('oauth:') }), env: { RATE_LIMIT_API_PER_USER: '100000', RATE_LIMIT_AUTH_PER_IP: '100000' } })
    cookie = await server.login('zhangwei')
  })
  afterAll(() => server.close())

  it('keeps every accepted submission replayable, answers new ones 503 STORE_FULL, and logs to set REDIS_URL', async () => {
    const form = new FormData()
    form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), '现场.png')
    const file = (await server.api('/api/files', { form, cookie })).body
    // Sign-ins started and abandoned fill the store too; they may be evicted.
    for (let i = 0; i < 10; i++)
      await server.api('/auth/login?returnTo=%2F')
    const accepted: string[] = []
    let refused: Awaited<ReturnType<TestServer['api']>> | undefined
    for (let i = 0; i < 60 && !refused; i++) {
      const key = newKey()
      const response = await server.api('/api/follow-ups', { body: fullSubmission(file, { remark: key }), cookie, headers: { 'Idempotency-Key': key } })
      if (response.status === 201)
        accepted.push(key)
      else
        refused = response
    }
    expect(accepted.length).toBeGreaterThan(20)
    expect(refused?.status).toBe(503)
    expect(refused?.body.error).toMatchObject({ code: 'STORE_FULL', message: expect.stringMatching(/已保存/) })
    expect(server.logLines.some(line => line.includes('set REDIS_URL'))).toBe(true)
    const sent = server.sandbox.records.addFollows.length
    for (const key of accepted) {
      const replay = await server.api('/api/follow-ups', { body: fullSubmission(file, { remark: key }), cookie, headers: { 'Idempotency-Key': key } })
      expect(replay.status).toBe(201)
      expect(replay.headers.get('idempotent-replayed')).toBe('true')
    }
    expect(server.sandbox.records.addFollows.length).toBe(sent)
  })
})

describe('the sandbox\'s own stores are bounded', () => {
  it('keeps the newest entries of a map and an array', () => {
    const map = new Map(Array.from({ length: 10 }, (_, i) => [i, i]))
    trimMap(map, 3)
    expect([...map.keys()]).toEqual([7, 8, 9])
    const items = Array.from({ length: 21 }, (_, i) => i)
    trimArray(items, 20)
    expect(items).toEqual(Array.from({ length: 18 }, (_, i) => i + 3))
    // Room for a tenth more before the next trim: a push at the bound does not shift the whole array each time.
    items.push(21, 22)
    trimArray(items, 20)
    expect(items).toHaveLength(20)
  })

  it('caps the recorded requests', () => {
    const records = new SandboxRecords()
    for (let i = 0; i < 50_010; i++)
      records.answered({ method: 'GET', path: `/${i}`, endpoint: null, query: {}, status: 200, code: 0, at: '' })
    expect(records.requests.length).toBeLessThanOrEqual(50_000)
    expect(records.requests.at(-1)!.path).toBe('/50009')
    expect(records.requests[0]!.path).toBe('/5001')
  })
})
