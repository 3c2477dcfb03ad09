import type { BadRequest, BadRequestContext } from './bad-requests'
import { HTML, LINUX_ELF, PDF, PNG_1PX, SVG, WINDOWS_EXE, ZIP } from '../support/file-samples'
import { FORGED_SESSIONS, json, raw } from './bad-requests'

const PATH = '/api/files'

function upload(files: { field?: string, bytes: Uint8Array, type: string, name: string }[], fields: Record<string, string> = {}) {
  return ({ server, cookie }: BadRequestContext) => {
    const form = new FormData()
    for (const file of files)
      form.append(file.field ?? 'file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
    for (const [name, value] of Object.entries(fields))
      form.append(name, value)
    return server.api(PATH, { method: 'POST', form, cookie })
  }
}
function multipart(body: string, contentType = 'multipart/form-data; boundary=BOUNDARY') {
  return ({ server, cookie }: BadRequestContext) =>
    raw(server, PATH, { method: 'POST', cookie, headers: { 'content-type': contentType }, body })
}
const small = PNG_1PX
function part(name: string, fileName: string, type: string, content: string) {
  return `--BOUNDARY\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`
}

export const FILE_CASES: BadRequest[] = [
  { endpoint: PATH, name: 'over 10 MB', status: 413, code: 'FILE_TOO_LARGE', send: upload([{ bytes: new Uint8Array(10 * 1024 * 1024 + 1), type: 'image/png', name: 'big.png' }]) },
  { endpoint: PATH, name: 'of an executable type', status: 415, code: 'UNSUPPORTED_FILE_TYPE', send: upload([{ bytes: small, type: 'application/x-msdownload', name: 'run.exe' }]) },
  { endpoint: PATH, name: 'of an image type with an executable name', status: 415, code: 'UNSUPPORTED_FILE_TYPE', send: upload([{ bytes: small, type: 'image/png', name: 'photo.png.exe' }]) },
  { endpoint: PATH, name: 'of an SVG (script-capable) image', status: 415, code: 'UNSUPPORTED_FILE_TYPE', send: upload([{ bytes: small, type: 'image/svg+xml', name: 'logo.svg' }]) },
  { endpoint: PATH, name: 'of an HTML page', status: 415, code: 'UNSUPPORTED_FILE_TYPE', send: upload([{ bytes: small, type: 'text/html', name: 'page.html' }]) },
  { endpoint: PATH, name: 'named with a path and no extension', status: 415, code: 'UNSUPPORTED_FILE_TYPE', send: upload([{ bytes: small, type: 'text/plain', name: '../../../etc/passwd' }]) },
  { endpoint: PATH, name: 'that is empty', status: 400, code: 'FILE_MISSING', send: upload([{ bytes: new Uint8Array(0), type: 'image/png', name: 'empty.png' }]) },
  { endpoint: PATH, name: 'under another field name', status: 400, code: 'FILE_MISSING', send: upload([{ field: 'attachment', bytes: small, type: 'image/png', name: 'a.png' }]) },
  { endpoint: PATH, name: 'with two files', status: 400, code: 'FILE_MISSING', send: upload([{ bytes: small, type: 'image/png', name: 'a.png' }, { bytes: small, type: 'image/png', name: 'b.png' }]) },
  { endpoint: PATH, name: 'with many extra fields', status: 400, code: 'FILE_MISSING', send: upload([{ bytes: small, type: 'image/png', name: 'a.png' }], Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 'x']))) },
  { endpoint: PATH, name: 'with no parts at all', status: 400, code: 'FILE_MISSING', send: multipart('--BOUNDARY--\r\n') },
  { endpoint: PATH, name: 'as multipart without a boundary', status: 400, send: multipart(part('file', 'a.png', 'image/png', 'abc'), 'multipart/form-data') },
  { endpoint: PATH, name: 'as a truncated multipart body', status: 400, send: multipart(part('file', 'a.png', 'image/png', 'abc').slice(0, -10)) },
  { endpoint: PATH, name: 'as JSON instead of multipart', status: 400, code: 'FILE_MISSING', send: ({ server, cookie }) => raw(server, PATH, { method: 'POST', cookie, headers: json, body: '{"file":"aGVsbG8="}' }) },
  { endpoint: PATH, name: 'an executable named .pdf', status: 415, code: 'FILE_CONTENT_MISMATCH', send: upload([{ bytes: WINDOWS_EXE, type: 'application/pdf', name: '报价.pdf' }]) },
  { endpoint: PATH, name: 'an ELF binary named .png', status: 415, code: 'FILE_CONTENT_MISMATCH', send: upload([{ bytes: LINUX_ELF, type: 'image/png', name: 'a.png' }]) },
  { endpoint: PATH, name: 'HTML named .png', status: 415, code: 'FILE_CONTENT_MISMATCH', send: upload([{ bytes: HTML, type: 'image/png', name: 'a.png' }]) },
  { endpoint: PATH, name: 'SVG with a script named .jpg', status: 415, code: 'FILE_CONTENT_MISMATCH', send: upload([{ bytes: SVG, type: 'image/jpeg', name: 'a.jpg' }]) },
  { endpoint: PATH, name: 'HTML named .txt', status: 415, code: 'FILE_CONTENT_MISMATCH', send: upload([{ bytes: HTML, type: 'text/plain', name: 'a.txt' }]) },
  { endpoint: PATH, name: 'a PDF named .png', status: 415, code: 'FILE_CONTENT_MISMATCH', send: upload([{ bytes: PDF, type: 'image/png', name: 'a.png' }]) },
  { endpoint: PATH, name: 'a bare zip named .xlsx', status: 415, code: 'FILE_CONTENT_MISMATCH', send: upload([{ bytes: ZIP, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: 'a.xlsx' }]) },
  { endpoint: PATH, name: 'without a session', status: 401, code: 'UNAUTHENTICATED', send: ({ server }) => upload([{ bytes: small, type: 'image/png', name: 'a.png' }])({ server, cookie: '' } as BadRequestContext) },
  { endpoint: PATH, name: 'with a forged session', status: 401, code: 'UNAUTHENTICATED', send: ({ server, file }) => upload([{ bytes: small, type: 'image/png', name: 'a.png' }])({ server, cookie: FORGED_SESSIONS.unsigned(), file }) },
]
