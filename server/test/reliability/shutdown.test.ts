import type { KeyValueStore } from '../../src/store/store'
import { describe, expect, it } from 'vitest'
import { createMemoryStore } from '../../src/store/memory-store'
import { startTestServer } from '../support/harness'
import { fullSubmission, newKey } from '../support/submission'
import { smallPng } from './drivers'
import { sleep } from './response-checks'

describe('graceful shutdown', () => {
  it('finishes a submission that is on its way to 谱蓝云 when close() is called, then accepts nothing new', async () => {
    const server = await startTestServer()
    const cookie = await server.login('zhangwei')
    const file = (await server.api('/api/files', { method: 'POST', form: smallPng(), cookie })).body
    const { url, sandbox } = server
    sandbox.faults.set('pulan.addFollow', { kind: 'slow', delayMs: 500 }, { times: 1 })

    const submission = server.api('/api/follow-ups', { body: fullSubmission(file), cookie, headers: { 'Idempotency-Key': newKey() } })
    while (sandbox.records.count('pulan.addFollow') === 0)
      await sleep(10)
    const started = Date.now()
    const closing = server.close().then(() => Date.now() - started)

    const response = await submission
    expect(response.status).toBe(201)
    expect(sandbox.records.addFollows).toHaveLength(1)
    // It waited for the submission, and no longer: the connection it came on is closed once answered.
    expect(await closing).toBeGreaterThanOrEqual(300)
    expect(await closing).toBeLessThan(3000)
    await expect(fetch(`${url}/healthz`)).rejects.toThrow()
  })
})

describe('/readyz', () => {
  it('answers 503 STORE_UNAVAILABLE while the store cannot be reached, and /healthz still answers 200', async () => {
    const failingStore: KeyValueStore = { ...createMemoryStore(), ping: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')) }
    const server = await startTestServer({ store: failingStore })
    try {
      const ready = await server.api('/readyz')
      expect(ready.status).toBe(503)
      expect(ready.body.error.code).toBe('STORE_UNAVAILABLE')
      expect(JSON.stringify(ready.body)).not.toContain('ECONNREFUSED')
      expect((await server.api('/healthz')).status).toBe(200)
    }
    finally {
      await server.close()
    }
  })
})
