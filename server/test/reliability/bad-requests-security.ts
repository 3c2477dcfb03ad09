import type { BadRequest, BadRequestContext } from './bad-requests'
import { TEST_PUBLIC_URL } from '../support/harness'
import { fullSubmission, newKey } from '../support/submission'
import { json, raw } from './bad-requests'
import { smallPng } from './drivers'

const FOREIGN_HEADERS: Record<string, Record<string, string>> = {
  'a foreign Origin': { origin: 'https://evil.example' },
  'Origin: null': { origin: 'null' },
  'our host over https as Origin': { origin: TEST_PUBLIC_URL.replace('http:', 'https:') },
  'Sec-Fetch-Site: cross-site': { 'sec-fetch-site': 'cross-site' },
  'Sec-Fetch-Site: same-site': { 'sec-fetch-site': 'same-site' },
}

function crossSite(endpoint: string, send: (ctx: BadRequestContext, headers: Record<string, string>) => ReturnType<BadRequest['send']>): BadRequest[] {
  return Object.entries(FOREIGN_HEADERS).map(([name, headers]) => ({ endpoint, name: `with ${name}`, status: 403, code: 'CROSS_SITE_REQUEST', send: ctx => send(ctx, headers) }))
}

function attach(detail: Record<string, unknown>) {
  return ({ server, cookie, file }: BadRequestContext) =>
    server.api('/api/follow-ups', { body: fullSubmission({ ...file, ...detail } as typeof file), cookie, headers: { 'Idempotency-Key': newKey() } })
}

const BIG_JSON = `{"x":"${'a'.repeat(1024 * 1024)}"}`

export const SECURITY_CASES: BadRequest[] = [
  { endpoint: '/api/follow-ups', name: 'attaching a fileId nobody uploaded', status: 422, code: 'FILE_NOT_FOUND', send: attach({ fileId: 99_999_999 }) },
  { endpoint: '/api/follow-ups', name: 'attaching a fileId of 1 with a metadata URL', status: 422, code: 'FILE_NOT_FOUND', send: attach({ fileId: 1, fileUrl: 'http://169.254.169.254/latest/meta-data/' }) },
  { endpoint: '/api/follow-ups', name: 'a file URL on a text answer', status: 422, code: 'FILE_NOT_FOUND', send: ({ server, cookie, file }) => {
    const body = fullSubmission(file)
    body.detailList[1]!.detail[0] = { content: '沟通', fileUrl: 'https://evil.example/x' }
    return server.api('/api/follow-ups', { body, cookie, headers: { 'Idempotency-Key': newKey() } })
  } },
  ...crossSite('/api/follow-ups', ({ server, cookie, file }, headers) =>
    server.api('/api/follow-ups', { body: fullSubmission(file), cookie, headers: { ...headers, 'Idempotency-Key': newKey() } })),
  ...crossSite('/api/files', ({ server, cookie }, headers) => server.api('/api/files', { form: smallPng(), cookie, headers })),
  ...crossSite('/api/jssdk/config', ({ server, cookie }, headers) => server.api('/api/jssdk/config', { body: { url: `${TEST_PUBLIC_URL}/` }, cookie, headers })),
  { endpoint: '/api/follow-ups', name: 'a 1 MB body without a session (401 before parsing)', status: 401, code: 'UNAUTHENTICATED', send: ({ server }) => raw(server, '/api/follow-ups', { method: 'POST', headers: json, body: BIG_JSON }) },
  { endpoint: '/api/jssdk/config', name: 'a 1 MB body without a session (401 before parsing)', status: 401, code: 'UNAUTHENTICATED', send: ({ server }) => raw(server, '/api/jssdk/config', { method: 'POST', headers: json, body: BIG_JSON }) },
  { endpoint: '/api/files', name: 'an 11 MB upload without a session (401 before parsing)', status: 401, code: 'UNAUTHENTICATED', send: ({ server }) => raw(server, '/api/files', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: `--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n${'a'.repeat(11 * 1024 * 1024)}\r\n--x--\r\n` }) },
  { endpoint: '/api/follow-ups', name: 'broken JSON without a session (401, not 400)', status: 401, code: 'UNAUTHENTICATED', send: ({ server }) => raw(server, '/api/follow-ups', { method: 'POST', headers: json, body: '{"broken' }) },
]
