import type { TestServer } from '../../../test/support/harness'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { PNG_1PX } from '../../../test/support/file-samples'
import { startTestServer } from '../../../test/support/harness'

let server: TestServer
let zhang: string
let li: string
beforeAll(async () => {
  server = await startTestServer({ uploadLimits: { perSalesperson: 2, total: 3 } })
  ;[zhang, li] = await Promise.all([server.login('zhangwei'), server.login('lina')])
})
afterAll(() => server.close())
beforeEach(() => server.sandbox.faults.clear())

function upload(cookie: string) {
  const form = new FormData()
  form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), '现场.png')
  return server.api('/api/files', { form, cookie })
}

describe('concurrent uploads are capped', () => {
  it('answers 429 UPLOADS_BUSY to a salesperson\'s third upload at once, and 503 when everyone\'s slots are taken', async () => {
    server.sandbox.faults.set('pulan.upload', { kind: 'slow', delayMs: 800 })
    const slow = [upload(zhang), upload(zhang)]
    await new Promise(resolve => setTimeout(resolve, 200))
    const third = await upload(zhang)
    expect(third.status).toBe(429)
    expect(third.body.error).toMatchObject({ code: 'UPLOADS_BUSY', message: expect.stringMatching(/正在上传/) })
    const others = [upload(li)]
    await new Promise(resolve => setTimeout(resolve, 200))
    const full = await upload(li)
    expect(full.status).toBe(503)
    expect(full.body.error.code).toBe('UPLOADS_BUSY')
    expect(full.headers.get('retry-after')).toBe('5')
    expect((await Promise.all([...slow, ...others])).map(r => r.status)).toEqual([201, 201, 201])
  })

  it('gives the slots back when uploads finish or fail', async () => {
    server.sandbox.faults.set('pulan.upload', { kind: 'status', status: 503 }, { times: 2 })
    await Promise.all([upload(zhang), upload(zhang)])
    expect((await Promise.all([upload(zhang), upload(zhang)])).map(r => r.status)).toEqual([201, 201])
  })
})
