import type { BadRequest } from './bad-requests'
import { TEST_PUBLIC_URL } from '../support/harness'
import { FORGED_SESSIONS, json, raw, withInvalidUtf8 } from './bad-requests'

const sessionCases: BadRequest[] = [
  { endpoint: '/api/me', name: 'without a session cookie', status: 401, code: 'UNAUTHENTICATED', send: ({ server }) => server.api('/api/me') },
  ...Object.entries(FORGED_SESSIONS).map(([name, cookie]): BadRequest => ({
    endpoint: '/api/me',
    name: `with a session cookie ${name}`,
    status: 401,
    code: 'UNAUTHENTICATED',
    send: ({ server }) => server.api('/api/me', { cookie: cookie() }),
  })),
  { endpoint: '/api/sandbox/customers', name: 'without a session cookie', status: 401, code: 'UNAUTHENTICATED', send: ({ server }) => server.api('/api/sandbox/customers') },
  { endpoint: '/api/sandbox/customers', name: 'with a forged session', status: 401, code: 'UNAUTHENTICATED', send: ({ server }) => server.api('/api/sandbox/customers', { cookie: FORGED_SESSIONS['signed with another secret']() }) },
  { endpoint: '/api/sandbox/customers', name: 'with an unsupported method', status: 404, code: 'NOT_FOUND', send: ({ server, cookie }) => server.api('/api/sandbox/customers', { method: 'DELETE', cookie }) },
  { endpoint: '/api/*', name: 'an unknown API path', status: 404, code: 'NOT_FOUND', send: ({ server, cookie }) => server.api('/api/admin/users', { cookie }) },
]

const sign = (body: unknown) => ({ server, cookie }: Parameters<BadRequest['send']>[0]) => server.api('/api/jssdk/config', { body, cookie })
function signRaw(body: string | Uint8Array, headers: Record<string, string> = json) {
  return ({ server, cookie }: Parameters<BadRequest['send']>[0]) =>
    raw(server, '/api/jssdk/config', { method: 'POST', cookie, headers, body })
}
const JSSDK = '/api/jssdk/config'

const jssdkCases: BadRequest[] = [
  { endpoint: JSSDK, name: 'without a url', status: 400, code: 'VALIDATION_FAILED', send: sign({}) },
  { endpoint: JSSDK, name: 'with a number as url', status: 400, code: 'VALIDATION_FAILED', send: sign({ url: 42 }) },
  { endpoint: JSSDK, name: 'with an array as url', status: 400, code: 'VALIDATION_FAILED', send: sign({ url: [`${TEST_PUBLIC_URL}/`] }) },
  { endpoint: JSSDK, name: 'with null as url', status: 400, code: 'VALIDATION_FAILED', send: sign({ url: null }) },
  { endpoint: JSSDK, name: 'for a foreign origin', status: 400, code: 'ORIGIN_NOT_ALLOWED', send: sign({ url: 'https://evil.example/' }) },
  { endpoint: JSSDK, name: 'for the same host on another port', status: 400, code: 'ORIGIN_NOT_ALLOWED', send: sign({ url: 'http://localhost:3001/' }) },
  { endpoint: JSSDK, name: 'for a look-alike host', status: 400, code: 'ORIGIN_NOT_ALLOWED', send: sign({ url: 'http://localhost.evil.example:3000/' }) },
  { endpoint: JSSDK, name: 'for our host over another scheme', status: 400, code: 'ORIGIN_NOT_ALLOWED', send: sign({ url: 'https://localhost:3000/' }) },
  { endpoint: JSSDK, name: 'for a javascript: url', status: 400, code: 'VALIDATION_FAILED', send: sign({ url: 'javascript:alert(1)' }) },
  { endpoint: JSSDK, name: 'for a file: url', status: 400, code: 'VALIDATION_FAILED', send: sign({ url: 'file:///etc/passwd' }) },
  { endpoint: JSSDK, name: 'for a protocol-relative url', status: 400, code: 'VALIDATION_FAILED', send: sign({ url: '//evil.example/' }) },
  { endpoint: JSSDK, name: 'with a huge url', status: 400, code: 'VALIDATION_FAILED', send: sign({ url: `${TEST_PUBLIC_URL}/?q=${'x'.repeat(5000)}` }) },
  { endpoint: JSSDK, name: 'with an unknown field', status: 400, code: 'VALIDATION_FAILED', send: sign({ url: `${TEST_PUBLIC_URL}/`, debug: true }) },
  { endpoint: JSSDK, name: 'with a __proto__ key', status: 400, code: 'VALIDATION_FAILED', send: signRaw(`{"url":"${TEST_PUBLIC_URL}/","__proto__":{"polluted":"yes"}}`) },
  { endpoint: JSSDK, name: 'with a constructor.prototype key', status: 400, code: 'VALIDATION_FAILED', send: signRaw(`{"url":"${TEST_PUBLIC_URL}/","constructor":{"prototype":{"polluted":"yes"}}}`) },
  { endpoint: JSSDK, name: 'with broken JSON', status: 400, code: 'VALIDATION_FAILED', send: signRaw('{"url":') },
  { endpoint: JSSDK, name: 'with a JSON array body', status: 400, code: 'VALIDATION_FAILED', send: signRaw(`["${TEST_PUBLIC_URL}/"]`) },
  { endpoint: JSSDK, name: 'with a text/plain body', status: 400, code: 'VALIDATION_FAILED', send: signRaw(`{"url":"${TEST_PUBLIC_URL}/"}`, { 'content-type': 'text/plain' }) },
  { endpoint: JSSDK, name: 'with invalid UTF-8 bytes in the url', status: 400, code: 'VALIDATION_FAILED', send: signRaw(withInvalidUtf8(`{"url":"${TEST_PUBLIC_URL}/?q=@"}`, '@')) },
  { endpoint: JSSDK, name: 'with a latin1 charset', status: 415, send: signRaw(`{"url":"${TEST_PUBLIC_URL}/"}`, { 'content-type': 'application/json; charset=latin1' }) },
  { endpoint: JSSDK, name: 'with a body over 256 kB', status: 413, code: 'PAYLOAD_TOO_LARGE', send: sign({ url: `${TEST_PUBLIC_URL}/`, padding: 'x'.repeat(300 * 1024) }) },
  { endpoint: JSSDK, name: 'without a session', status: 401, code: 'UNAUTHENTICATED', send: ({ server }) => server.api(JSSDK, { body: { url: `${TEST_PUBLIC_URL}/` } }) },
]

const context = (id: string, method = 'GET') => ({ server, cookie }: Parameters<BadRequest['send']>[0]) => raw(server, `/api/customers/${id}/context`, { method, cookie })
const CONTEXT = '/api/customers/:id/context'

const contextCases: BadRequest[] = [
  { endpoint: CONTEXT, name: 'for another salesperson\'s customer', status: 403, code: 'NOT_YOUR_CUSTOMER', send: context('wmDemoSunHao04') },
  { endpoint: CONTEXT, name: 'for an unknown customer', status: 404, code: 'CUSTOMER_NOT_FOUND', send: context('wmNobodyAtAll') },
  { endpoint: CONTEXT, name: 'with an encoded path traversal', status: 404, code: 'CUSTOMER_NOT_FOUND', send: context('..%2F..%2Fetc%2Fpasswd') },
  { endpoint: CONTEXT, name: 'with a NUL byte', status: 404, code: 'CUSTOMER_NOT_FOUND', send: context('wmDemoChenJing01%00') },
  { endpoint: CONTEXT, name: 'with a huge id', status: 404, code: 'CUSTOMER_NOT_FOUND', send: context('w'.repeat(2000)) },
  { endpoint: CONTEXT, name: 'with an id of __proto__', status: 404, code: 'CUSTOMER_NOT_FOUND', send: context('__proto__') },
  { endpoint: CONTEXT, name: 'with an id of constructor', status: 404, code: 'CUSTOMER_NOT_FOUND', send: context('constructor') },
  { endpoint: CONTEXT, name: 'with a Chinese id', status: 404, code: 'CUSTOMER_NOT_FOUND', send: context(encodeURIComponent('陈静')) },
  { endpoint: CONTEXT, name: 'with a broken percent-encoding', status: 400, send: context('%E0%A4%A') },
  { endpoint: CONTEXT, name: 'with a script tag', status: 404, code: 'CUSTOMER_NOT_FOUND', send: context('%3Cscript%3Ealert(1)%3C%2Fscript%3E') },
  { endpoint: CONTEXT, name: 'with an unsupported method', status: 404, code: 'NOT_FOUND', send: context('wmDemoChenJing01', 'DELETE') },
  { endpoint: CONTEXT, name: 'without a session', status: 401, code: 'UNAUTHENTICATED', send: ({ server }) => server.api('/api/customers/wmDemoChenJing01/context') },
  { endpoint: CONTEXT, name: 'with an expired session', status: 401, code: 'UNAUTHENTICATED', send: ({ server }) => server.api('/api/customers/wmDemoChenJing01/context', { cookie: FORGED_SESSIONS['expired (correctly signed)']() }) },
]

export const API_CASES: BadRequest[] = [...sessionCases, ...jssdkCases, ...contextCases]
