import type { UploadedFile } from '@app/shared'
import type { TestServer } from '../../../test/support/harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PNG_1PX } from '../../../test/support/file-samples'
import { startTestServer } from '../../../test/support/harness'
import { fullSubmission, newKey } from '../../../test/support/submission'
import { recordUpload } from '../files/file-records'

let server: TestServer
let zhang: string
let li: string
beforeAll(async () => {
  server = await startTestServer()
  zhang = await server.login('zhangwei')
  li = await server.login('lina')
})
afterAll(() => server.close())

async function uploadAs(cookie: string): Promise<UploadedFile> {
  const form = new FormData()
  form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), '现场.png')
  const response = await server.api('/api/files', { form, cookie })
  expect(response.status).toBe(201)
  return response.body
}

function submit(cookie: string, file: Partial<UploadedFile> & Record<string, unknown>) {
  return server.api('/api/follow-ups', { body: fullSubmission(file as UploadedFile), cookie, headers: { 'Idempotency-Key': newKey() } })
}

const sentAttachment = () => server.sandbox.records.addFollows.at(-1)!.detailList.find(module => module.moduleType === 'Attachment')!.detail[0]

describe('a follow-up attaches only its sender\'s own uploads', () => {
  it('fills name, URL and size from the upload record, whatever the page sent', async () => {
    const own = await uploadAs(zhang)
    const response = await submit(zhang, { ...own, fileName: 'invoice.exe', fileUrl: 'https://evil.example/x.exe', fileSize: 1 })
    expect(response.status).toBe(201)
    expect(sentAttachment()).toEqual({ fileId: own.fileId, fileName: own.fileName, fileUrl: own.fileUrl, fileSize: own.fileSize })
  })

  it.each([
    ['another salesperson\'s upload', async () => ({ ...(await uploadAs(li)) })],
    ['a fileId nobody uploaded', async () => ({ fileId: 987654, fileName: 'a.png', fileUrl: 'https://evil.example/a.png', fileSize: 10 })],
    ['a fileId of 1 with a foreign URL', async () => ({ fileId: 1, fileName: 'a.png', fileUrl: 'http://169.254.169.254/latest/meta-data', fileSize: 10 })],
  ])('refuses %s with 422 FILE_NOT_FOUND, sending nothing', async (_name, attachment) => {
    const file = await attachment()
    const before = server.sandbox.records.addFollows.length
    const response = await submit(zhang, file)
    expect(response.status).toBe(422)
    expect(response.body.error).toMatchObject({ code: 'FILE_NOT_FOUND', message: expect.stringMatching(/重新上传/) })
    expect(Object.keys(response.body.error.fieldErrors)).toEqual(['detailList.2.detail.0'])
    expect(server.sandbox.records.addFollows.length).toBe(before)
  })

  it('refuses a file field on a non-attachment answer unless it is the sender\'s upload', async () => {
    const before = server.sandbox.records.addFollows.length
    const body = fullSubmission(await uploadAs(zhang))
    body.detailList[1]!.detail[0] = { content: '沟通了报价', fileUrl: 'https://evil.example/x' }
    const response = await server.api('/api/follow-ups', { body, cookie: zhang, headers: { 'Idempotency-Key': newKey() } })
    expect(response.status).toBe(422)
    expect(response.body.error.code).toBe('FILE_NOT_FOUND')
    expect(server.sandbox.records.addFollows.length).toBe(before)
  })

  it('refuses an attachment answer with only a fileUrl (no upload behind it)', async () => {
    const before = server.sandbox.records.addFollows.length
    const response = await submit(zhang, { fileName: 'a.png', fileUrl: 'https://evil.example/a.png', fileSize: 10 })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(server.sandbox.records.addFollows.length).toBe(before)
  })

  it.each([
    ['a URL that is not http(s)', { fileUrl: 'javascript:alert(1)' }, 'fileUrl'],
    ['a name longer than 谱蓝云 takes', { fileName: `${'长'.repeat(400)}.png` }, 'fileName'],
  ])('refuses an upload record with %s (what 谱蓝云 answered at upload) with 422, sending nothing', async (_name, recorded, field) => {
    const own = await uploadAs(zhang)
    await recordUpload(server.deps.store, 'zhangwei', { ...own, ...recorded })
    const before = server.sandbox.records.addFollows.length
    const response = await submit(zhang, own)
    expect(response.status).toBe(422)
    expect(response.body.error.code).toBe('MODULE_ANSWER_INVALID')
    expect(Object.keys(response.body.error.fieldErrors)).toEqual([`detailList.2.detail.0.${field}`])
    expect(server.sandbox.records.addFollows.length).toBe(before)
  })

  it('lets the same key retry after re-uploading (nothing was claimed for good)', async () => {
    const key = newKey()
    const body = fullSubmission({ fileId: 424242, fileName: 'x.png', fileUrl: 'https://evil.example/x', fileSize: 1 })
    expect((await server.api('/api/follow-ups', { body, cookie: zhang, headers: { 'Idempotency-Key': key } })).status).toBe(422)
    const fixed = fullSubmission(await uploadAs(zhang))
    expect((await server.api('/api/follow-ups', { body: fixed, cookie: zhang, headers: { 'Idempotency-Key': newKey() } })).status).toBe(201)
  })
})
