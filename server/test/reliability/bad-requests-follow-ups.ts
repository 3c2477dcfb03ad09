import type { BadRequest, BadRequestContext } from './bad-requests'
import { fullSubmission, newKey } from '../support/submission'
import { deeplyNested, FORGED_SESSIONS, json, raw, withInvalidUtf8 } from './bad-requests'

const PATH = '/api/follow-ups'
type Body = Record<string, any>

/** A valid submission changed by `mutate`, sent with a fresh key. */
function submit(mutate: (body: Body) => void) {
  return ({ server, cookie, file }: BadRequestContext) => {
    const body: Body = structuredClone(fullSubmission(file))
    mutate(body)
    return server.api(PATH, { body, cookie, headers: { 'Idempotency-Key': newKey() } })
  }
}
/** A valid submission's JSON text with `edit` applied to the text itself (keys JSON.stringify cannot write). */
function submitText(edit: (text: string) => string | Uint8Array, headers: Record<string, string> = json) {
  return ({ server, cookie, file }: BadRequestContext) =>
    raw(server, PATH, { method: 'POST', cookie, headers: { ...headers, 'Idempotency-Key': newKey() }, body: edit(JSON.stringify(fullSubmission(file))) })
}
function withKey(key: string | undefined) {
  return ({ server, cookie, file }: BadRequestContext) =>
    server.api(PATH, { body: fullSubmission(file), cookie, headers: key === undefined ? {} : { 'Idempotency-Key': key } })
}
function as(cookieOf: () => string) {
  return ({ server, file }: BadRequestContext) =>
    server.api(PATH, { body: fullSubmission(file), cookie: cookieOf(), headers: { 'Idempotency-Key': newKey() } })
}
const addKey = (text: string, key: string) => text.replace(/^\{/, `{${key},`)

function invalid(name: string, mutate: (body: Body) => void): BadRequest {
  return { endpoint: PATH, name, status: 400, code: 'VALIDATION_FAILED', send: submit(mutate) }
}
function invalidText(name: string, edit: (text: string) => string | Uint8Array, headers?: Record<string, string>): BadRequest {
  return { endpoint: PATH, name, status: 400, code: 'VALIDATION_FAILED', send: submitText(edit, headers) }
}

export const FOLLOW_UP_CASES: BadRequest[] = [
  { endpoint: PATH, name: 'without an Idempotency-Key', status: 400, code: 'IDEMPOTENCY_KEY_INVALID', send: withKey(undefined) },
  { endpoint: PATH, name: 'with an Idempotency-Key that is not a UUID', status: 400, code: 'IDEMPOTENCY_KEY_INVALID', send: withKey('1; DROP TABLE follow_ups') },
  { endpoint: PATH, name: 'with a huge Idempotency-Key', status: 400, code: 'IDEMPOTENCY_KEY_INVALID', send: withKey('a'.repeat(4000)) },
  invalid('with an empty object', (b) => { for (const k of Object.keys(b)) delete b[k] }),
  invalid('with businessId as a string', (b) => { b.businessId = '1001' }),
  invalid('with businessId as a fraction', (b) => { b.businessId = 1001.5 }),
  invalid('with a negative businessId', (b) => { b.businessId = -1001 }),
  invalid('with businessId beyond the safe integers', (b) => { b.businessId = 2 ** 60 }),
  invalidText('with businessId 1e309 (Infinity)', t => t.replace('"businessId":1001', '"businessId":1e309')),
  invalid('with externalUserId as a number', (b) => { b.externalUserId = 2001 }),
  invalid('with externalUserId holding a path', (b) => { b.externalUserId = '../wmDemoSunHao04' }),
  invalid('without result', (b) => { delete b.result }),
  invalid('with a blank result', (b) => { b.result = '   ' }),
  invalid('with result as an object', (b) => { b.result = { $ne: null } }),
  invalid('with a huge remark', (b) => { b.remark = 'x'.repeat(100_000) }),
  invalid('with detailList as an object', (b) => { b.detailList = { 0: b.detailList[0] } }),
  invalid('with a thousand modules', (b) => { b.detailList = Array.from({ length: 1000 }, () => b.detailList[0]) }),
  invalid('with a thousand answers in one module', (b) => { b.detailList[1].detail = Array.from({ length: 1000 }, () => ({ content: 'x' })) }),
  invalidText('with an object nested ten thousand deep', t => addKey(t, `"remark2":${deeplyNested(10_000)}`)),
  invalidText('with arrays nested fifty thousand deep', t => t.replace(/"detailList":\[.*\]\}$/, `"detailList":${deeplyNested(50_000, '[', ']', '[]')}}`)),
  invalid('with an unknown field', (b) => { b.priority = 'high' }),
  invalid('with userId, which the server owns', (b) => { b.userId = 102 }),
  invalid('with templateName, which the template owns', (b) => { b.templateName = '别的模板' }),
  invalid('with moduleType, which the template owns', (b) => { b.detailList[0].moduleType = 'TextArea' }),
  invalidText('with a __proto__ key', t => addKey(t, '"__proto__":{"polluted":"yes"}')),
  invalidText('with a __proto__ key inside a module', t => t.replace('{"moduleId":20,', '{"__proto__":{"polluted":"yes"},"moduleId":20,')),
  invalidText('with a constructor.prototype key', t => addKey(t, '"constructor":{"prototype":{"polluted":"yes"}}')),
  invalidText('with a prototype key in nextTime', t => t.replace('"nextTime":{', '"nextTime":{"prototype":{"polluted":"yes"},')),
  invalid('with a start time that is not a date', (b) => { b.actualStartTime = 'yesterday afternoon' }),
  invalid('with 30 February', (b) => { b.actualStartTime = '2026-02-30T02:00:00.000Z' }),
  invalid('with a date-time without a time zone', (b) => { b.actualStartTime = '2026-11-25T02:00:00' }),
  invalid('with a five-digit year', (b) => { b.actualEndTime = '+20260-11-25T02:20:00.000Z' }),
  invalid('with a date as a number', (b) => { b.actualStartTime = 1764036000000 }),
  invalid('with an end before the start', (b) => { b.actualEndTime = '2026-11-25T01:00:00.000Z' }),
  invalid('with an invalid next-contact time', (b) => { b.nextTime.nextContactTime = '2026-13-01T00:00:00Z' }),
  invalid('with a latitude of 91', (b) => { b.detailList[3].detail[0].lat = 91 }),
  invalid('with an option the module does not offer', (b) => { b.detailList[0].detail = [{ optionId: 99 }] }),
  invalidText('with broken JSON', t => t.slice(0, -5)),
  invalidText('with single-quoted JSON', t => t.replace(/"/g, '\'')),
  invalidText('with a trailing comma', t => t.replace(/\}$/, ',}')),
  invalidText('with a JSON array body', t => `[${t}]`),
  invalidText('with a JSON string body', t => JSON.stringify(t)),
  invalidText('with a JSON null body', () => 'null'),
  invalidText('with an empty body', () => ''),
  invalidText('with invalid UTF-8 bytes in the remark', t => withInvalidUtf8(t.replace('客户关心价格', '客户关心@价格'), '@')),
  invalidText('with invalid UTF-8 bytes in a key', t => withInvalidUtf8(t.replace('"remark"', '"rem@ark"'), '@')),
  invalidText('as text/plain', t => t, { 'content-type': 'text/plain' }),
  invalidText('as a url-encoded form', () => 'businessId=1001&stageId=12', { 'content-type': 'application/x-www-form-urlencoded' }),
  invalidText('as multipart', () => '--x\r\nContent-Disposition: form-data; name="businessId"\r\n\r\n1001\r\n--x--\r\n', { 'content-type': 'multipart/form-data; boundary=x' }),
  { endpoint: PATH, name: 'in a latin1 charset', status: 415, send: submitText(t => t, { 'content-type': 'application/json; charset=latin1' }) },
  { endpoint: PATH, name: 'with a body over 256 kB', status: 413, code: 'PAYLOAD_TOO_LARGE', send: submitText(t => addKey(t, `"padding":"${'x'.repeat(300 * 1024)}"`)) },
  { endpoint: PATH, name: 'for another salesperson\'s customer', status: 403, code: 'NOT_YOUR_CUSTOMER', send: submit((b) => { Object.assign(b, { externalUserId: 'wmDemoSunHao04', businessId: 1004, stageId: 12 }) }) },
  { endpoint: PATH, name: 'for another customer\'s businessId', status: 422, code: 'BUSINESS_NOT_FOUND', send: submit((b) => { b.businessId = 1004 }) },
  { endpoint: PATH, name: 'for a businessId nobody has', status: 422, code: 'BUSINESS_NOT_FOUND', send: submit((b) => { b.businessId = 999_999 }) },
  { endpoint: PATH, name: 'with a stage of another ladder', status: 422, code: 'STAGE_NOT_ALLOWED', send: submit((b) => { b.stageId = 21 }) },
  { endpoint: PATH, name: 'with an unknown template', status: 422, code: 'TEMPLATE_NOT_FOUND', send: submit((b) => { b.templateId = 99 }) },
  { endpoint: PATH, name: 'without a session', status: 401, code: 'UNAUTHENTICATED', send: ({ server, file }) => server.api(PATH, { body: fullSubmission(file), headers: { 'Idempotency-Key': newKey() } }) },
  { endpoint: PATH, name: 'with a session signed with another secret', status: 401, code: 'UNAUTHENTICATED', send: as(FORGED_SESSIONS['signed with another secret']) },
  { endpoint: PATH, name: 'with an expired session', status: 401, code: 'UNAUTHENTICATED', send: as(FORGED_SESSIONS['expired (correctly signed)']) },
  { endpoint: PATH, name: 'with GET', status: 404, code: 'NOT_FOUND', send: ({ server, cookie }) => server.api(PATH, { cookie }) },
]
