import type { TestServer } from '../test/support/harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smallPng } from '../test/reliability/drivers'
import { startTestServer, TEST_PUBLIC_URL } from '../test/support/harness'
import { fullSubmission, newKey } from '../test/support/submission'

let server: TestServer
let cookie: string
beforeAll(async () => {
  server = await startTestServer()
  cookie = await server.login('zhangwei')
})
afterAll(() => server.close())

const FOREIGN: [string, Record<string, string>][] = [
  ['a foreign Origin', { origin: 'https://evil.example' }],
  ['a foreign Origin on our host with another scheme', { origin: TEST_PUBLIC_URL.replace('http:', 'https:') }],
  ['a foreign Origin on another port', { origin: 'http://localhost:3001' }],
  ['Origin: null (sandboxed frame, data: URL)', { origin: 'null' }],
  ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
  ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
  ['our Origin but Sec-Fetch-Site: cross-site', { 'origin': TEST_PUBLIC_URL, 'sec-fetch-site': 'cross-site' }],
]

describe('cross-origin writes are refused', () => {
  it.each(FOREIGN)('pOST /api/follow-ups with %s: 403, nothing reaches 谱蓝云', async (_name, headers) => {
    const before = server.sandbox.records.addFollows.length
    const file = (await server.api('/api/files', { form: smallPng(), cookie })).body
    const response = await server.api('/api/follow-ups', { body: fullSubmission(file), cookie, headers: { ...headers, 'Idempotency-Key': newKey() } })
    expect(response.status).toBe(403)
    expect(response.body.error).toMatchObject({ code: 'CROSS_SITE_REQUEST', message: expect.stringMatching(/其他网站/) })
    expect(server.sandbox.records.addFollows.length).toBe(before)
  })

  it.each(FOREIGN)('pOST /api/files with %s: 403, nothing uploaded', async (_name, headers) => {
    const before = server.sandbox.records.count('pulan.upload')
    const response = await server.api('/api/files', { form: smallPng(), cookie, headers })
    expect(response.status).toBe(403)
    expect(server.sandbox.records.count('pulan.upload')).toBe(before)
  })

  it.each(['PUT', 'DELETE', 'PATCH'])('%s under /api with a foreign Origin: 403', async (method) => {
    const response = await server.api('/api/follow-ups', { method, cookie, headers: { origin: 'https://evil.example' } })
    expect(response.status).toBe(403)
  })

  it('refuses even without a session (the check does not depend on the cookie or SameSite)', async () => {
    const response = await server.api('/api/jssdk/config', { body: { url: `${TEST_PUBLIC_URL}/` }, headers: { origin: 'https://evil.example' } })
    expect(response.status).toBe(403)
  })

  it.each([
    ['our own Origin and same-origin', { 'origin': TEST_PUBLIC_URL, 'sec-fetch-site': 'same-origin' }],
    ['no Origin (a non-browser client)', {}],
    ['Sec-Fetch-Site: none (typed by the user)', { 'sec-fetch-site': 'none' }],
  ])('accepts a write with %s', async (_name, headers) => {
    const file = await server.api('/api/files', { form: smallPng(), cookie, headers })
    expect(file.status).toBe(201)
    const response = await server.api('/api/follow-ups', { body: fullSubmission(file.body), cookie, headers: { ...headers, 'Idempotency-Key': newKey() } })
    expect(response.status).toBe(201)
  })

  it('lets reads through with a foreign Origin (no state changes)', async () => {
    expect((await server.api('/api/me', { cookie, headers: { 'origin': 'https://evil.example', 'sec-fetch-site': 'cross-site' } })).status).toBe(200)
  })
})

describe('authentication comes before the body is read', () => {
  it.each([
    ['JSON of 1 MB', '/api/follow-ups', { 'content-type': 'application/json' }, `{"x":"${'a'.repeat(1024 * 1024)}"}`],
    ['JSON over the 256 kB limit', '/api/jssdk/config', { 'content-type': 'application/json' }, `{"url":"${'a'.repeat(300 * 1024)}"}`],
    ['a 12 MB upload', '/api/files', { 'content-type': 'multipart/form-data; boundary=x' }, `--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n${'a'.repeat(12 * 1024 * 1024)}\r\n--x--\r\n`],
  ])('answers 401 (not 413) to %s without a session', async (_name, path, headers, body) => {
    const response = await server.api(path, { method: 'POST', headers, body })
    expect(response.status).toBe(401)
    expect(response.body.error.code).toBe('UNAUTHENTICATED')
  })

  it('still answers 413 to an oversized body with a session', async () => {
    const response = await server.api('/api/follow-ups', { method: 'POST', cookie, headers: { 'content-type': 'application/json', 'Idempotency-Key': newKey() }, body: `{"x":"${'a'.repeat(300 * 1024)}"}` })
    expect(response.status).toBe(413)
  })
})
