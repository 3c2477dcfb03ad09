import type { TestServer } from '../../../test/support/harness'
import type { KeyValueStore } from '../../store/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PNG_1PX } from '../../../test/support/file-samples'
import { startTestServer } from '../../../test/support/harness'
import { CHEN_JING, fullSubmission, newKey } from '../../../test/support/submission'
import { createMemoryStore } from '../../store/memory-store'
import { StoreUnavailableError } from '../../store/store'

/** A store that loses its connection exactly when a submission's outcome is written (after 谱蓝云 has it). */
function storeFailingOnOutcome(): KeyValueStore & { failing: boolean } {
  const inner = createMemoryStore()
  const store = {
    ...inner,
    failing: false,
    async set(key: string, value: string, ttlMs: number) {
      if (store.failing && key.startsWith('idem:') && value.includes('"state":"done"'))
        throw new StoreUnavailableError('set')
      return inner.set(key, value, ttlMs)
    },
  }
  return store
}

let server: TestServer
const store = storeFailingOnOutcome()
let cookie: string
let file: { fileId: number, fileName: string, fileUrl: string, fileSize: number }

beforeAll(async () => {
  server = await startTestServer({ store })
  cookie = await server.login('zhangwei')
  const form = new FormData()
  form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), 'a.png')
  file = (await server.api('/api/files', { method: 'POST', form, cookie })).body
})
afterAll(() => server.close())

describe('a store failure after 谱蓝云 accepted the follow-up', () => {
  it('still answers 201, and a retry with the key cannot send it again', async () => {
    await server.api(`/api/customers/${CHEN_JING.externalUserId}/context`, { cookie })
    const before = server.sandbox.records.addFollows.length
    const key = newKey()
    store.failing = true
    const submit = () => server.api('/api/follow-ups', { method: 'POST', body: fullSubmission(file), cookie, headers: { 'Idempotency-Key': key } })
    const first = await submit()
    expect(first.status).toBe(201)
    expect(first.body.businessId).toBe(CHEN_JING.businessId)
    store.failing = false
    const retry = await submit()
    expect(retry.status).toBe(409)
    expect(server.sandbox.records.addFollows).toHaveLength(before + 1)
  })
})
