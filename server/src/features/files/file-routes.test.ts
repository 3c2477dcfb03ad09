import type { TestServer } from '../../../test/support/harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jpegOf } from '../../../test/support/file-samples'
import { startTestServer } from '../../../test/support/harness'

let server: TestServer
let cookie: string
beforeAll(async () => {
  server = await startTestServer()
  cookie = await server.login()
})
afterAll(() => server.close())

function upload(bytes: Uint8Array<ArrayBuffer>, type: string, name: string, field = 'file', as = cookie) {
  const form = new FormData()
  form.append(field, new Blob([bytes], { type }), name)
  return server.api('/api/files', { method: 'POST', form, cookie: as })
}

describe('pOST /api/files', () => {
  it('forwards an image to 谱蓝云 and answers its file id, name, url and size', async () => {
    const bytes = jpegOf(2048)
    const response = await upload(bytes, 'image/jpeg', '拜访现场.jpg')
    expect(response.status).toBe(201)
    expect(response.body).toMatchObject({ fileId: expect.any(Number), fileName: '拜访现场.jpg', fileSize: 2048, fileUrl: expect.stringMatching(/^http/) })
    const served = await fetch(response.body.fileUrl)
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes)
    expect(server.sandbox.records.count('pulan.upload')).toBe(1)
  })

  it.each([
    ['too large', new Uint8Array(10 * 1024 * 1024 + 1), 'image/png', 'big.png', 413, 'FILE_TOO_LARGE'],
    ['an executable', new Uint8Array(10), 'application/x-msdownload', 'run.exe', 415, 'UNSUPPORTED_FILE_TYPE'],
    ['an image type with an executable name', new Uint8Array(10), 'image/png', 'photo.exe', 415, 'UNSUPPORTED_FILE_TYPE'],
    ['an HTML page', new Uint8Array(10), 'text/html', 'page.html', 415, 'UNSUPPORTED_FILE_TYPE'],
    ['empty', new Uint8Array(0), 'image/png', 'empty.png', 400, 'FILE_MISSING'],
  ])('refuses a file that is %s, without calling 谱蓝云', async (_name, bytes, type, name, status, code) => {
    const before = server.sandbox.records.count('pulan.upload')
    const response = await upload(bytes, type, name)
    expect(response.status).toBe(status)
    expect(response.body.error.code).toBe(code)
    expect(response.body.error.message).toMatch(/[\u4E00-\u9FFF]/)
    expect(server.sandbox.records.count('pulan.upload')).toBe(before)
  })

  it('refuses a form without the file field', async () => {
    const response = await upload(new Uint8Array(10), 'image/png', 'a.png', 'other')
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe('FILE_MISSING')
  })

  it('needs a session', async () => {
    expect((await upload(new Uint8Array(10), 'image/png', 'a.png', 'file', '')).status).toBe(401)
  })
})
