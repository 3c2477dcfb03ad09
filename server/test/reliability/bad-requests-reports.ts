import type { BadRequest } from './bad-requests'
import { json, raw, withInvalidUtf8 } from './bad-requests'

const REPORTS = '/api/client-reports'
const BAD_SIGNATURE = '/api/jssdk/bad-signature'
const post = (path: string, body: unknown) => ({ server, cookie }: Parameters<BadRequest['send']>[0]) => server.api(path, { body, cookie })
const valid = { api: 'agentConfig', keyword: 'invalid signature', platform: 'ios' }

/** The page's problem reports and its bad-signature notice: only short machine words get through, nothing personal. */
export const REPORT_CASES: BadRequest[] = [
  { endpoint: REPORTS, name: 'without a session', status: 401, code: 'UNAUTHENTICATED', send: ({ server }) => server.api(REPORTS, { body: valid }) },
  { endpoint: REPORTS, name: 'with a customer id smuggled in', status: 400, code: 'VALIDATION_FAILED', send: post(REPORTS, { ...valid, externalUserId: 'wmDemoChenJing01' }) },
  { endpoint: REPORTS, name: 'with the raw err_msg as keyword', status: 400, code: 'VALIDATION_FAILED', send: post(REPORTS, { ...valid, keyword: 'agentConfig:fail_invalid signature' }) },
  { endpoint: REPORTS, name: 'with a phone number as keyword', status: 400, code: 'VALIDATION_FAILED', send: post(REPORTS, { ...valid, keyword: '陈静 13800138000' }) },
  { endpoint: REPORTS, name: 'with markup as api', status: 400, code: 'VALIDATION_FAILED', send: post(REPORTS, { ...valid, api: '<script>' }) },
  { endpoint: REPORTS, name: 'with a 10 kB keyword', status: 400, code: 'VALIDATION_FAILED', send: post(REPORTS, { ...valid, keyword: 'a'.repeat(10_000) }) },
  { endpoint: REPORTS, name: 'with __proto__', status: 400, code: 'VALIDATION_FAILED', send: ({ server, cookie }) => raw(server, REPORTS, { method: 'POST', cookie, headers: json, body: '{"__proto__":{"polluted":1},"api":"x","keyword":"y","platform":"ios"}' }) },
  { endpoint: REPORTS, name: 'with invalid UTF-8', status: 400, code: 'VALIDATION_FAILED', send: ({ server, cookie }) => raw(server, REPORTS, { method: 'POST', cookie, headers: json, body: withInvalidUtf8('{"api":"x","keyword":"MARK","platform":"ios"}', 'MARK') }) },
  { endpoint: BAD_SIGNATURE, name: 'without a session', status: 401, code: 'UNAUTHENTICATED', send: ({ server }) => server.api(BAD_SIGNATURE, { body: { ticket: 'agent' } }) },
  { endpoint: BAD_SIGNATURE, name: 'naming another ticket', status: 400, code: 'VALIDATION_FAILED', send: post(BAD_SIGNATURE, { ticket: 'access_token' }) },
  { endpoint: BAD_SIGNATURE, name: 'with a ticket value instead of its kind', status: 400, code: 'VALIDATION_FAILED', send: post(BAD_SIGNATURE, { ticket: 'agent', value: 'wecom-0123' }) },
  { endpoint: BAD_SIGNATURE, name: 'with an array', status: 400, code: 'VALIDATION_FAILED', send: post(BAD_SIGNATURE, [{ ticket: 'agent' }]) },
]
