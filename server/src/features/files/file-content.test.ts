import type { TestServer } from '../../../test/support/harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CFB, HTML, jpegOf, LINUX_ELF, PDF, PNG_1PX, SVG, TEXT, WINDOWS_EXE, ZIP } from '../../../test/support/file-samples'
import { startTestServer } from '../../../test/support/harness'

let server: TestServer
let cookie: string
beforeAll(async () => {
  server = await startTestServer()
  cookie = await server.login()
})
afterAll(() => server.close())

function upload(bytes: Uint8Array, type: string, name: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  return server.api('/api/files', { method: 'POST', form, cookie })
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

describe('uploads are judged by their bytes, not only their claimed type', () => {
  it.each([
    ['an executable named .pdf', WINDOWS_EXE, 'application/pdf', '报价单.pdf'],
    ['an ELF binary named .pdf', LINUX_ELF, 'application/pdf', 'contract.pdf'],
    ['HTML named .png', HTML, 'image/png', '现场.png'],
    ['SVG with script named .png', SVG, 'image/png', 'logo.png'],
    ['a PDF named .jpg', PDF, 'image/jpeg', 'photo.jpg'],
    ['a PNG named .gif', PNG_1PX, 'image/gif', 'a.gif'],
    ['a plain zip named .docx', ZIP, DOCX, '方案.docx'],
    ['an executable named .doc', WINDOWS_EXE, 'application/msword', 'old.doc'],
    ['an executable named .txt', WINDOWS_EXE, 'text/plain', 'notes.txt'],
    ['HTML named .txt', HTML, 'text/plain', 'notes.txt'],
    ['a PDF named .txt', PDF, 'text/plain', 'notes.txt'],
    ['random bytes named .png', new Uint8Array(64).fill(0x41), 'image/png', 'a.png'],
  ])('refuses %s with a clear Chinese message, without calling 谱蓝云', async (_name, bytes, type, name) => {
    const before = server.sandbox.records.count('pulan.upload')
    const response = await upload(bytes, type, name)
    expect(response.status).toBe(415)
    expect(response.body.error).toMatchObject({ code: 'FILE_CONTENT_MISMATCH', message: expect.stringMatching(/文件内容与文件类型不符/) })
    expect(server.sandbox.records.count('pulan.upload')).toBe(before)
  })

  it.each([
    ['a PNG', PNG_1PX, 'image/png', '现场.png'],
    ['a JPEG', jpegOf(512), 'image/jpeg', '拜访.jpg'],
    ['a PDF', PDF, 'application/pdf', '报价单.pdf'],
    ['an old Word file (OLE container)', CFB, 'application/msword', '合同.doc'],
    ['an old Excel file (OLE container)', CFB, 'application/vnd.ms-excel', '报价.xls'],
    ['Chinese text', TEXT, 'text/plain', '纪要.txt'],
  ])('accepts %s whose bytes match', async (_name, bytes, type, name) => {
    const response = await upload(bytes, type, name)
    expect(response.status).toBe(201)
    expect(response.body.fileName).toBe(name)
  })
})
