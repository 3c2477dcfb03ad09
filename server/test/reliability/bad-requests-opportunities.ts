import type { BadRequest, BadRequestContext } from './bad-requests'
import { newKey } from '../support/submission'
import { json, raw } from './bad-requests'

const PATH = '/api/opportunities'
type Body = Record<string, any>
const valid = (): Body => ({ externalUserId: 'wmDemoZhouMin03', lineId: 1, processId: 11, nextTime: { scheduleName: '回访', nextContactTime: '2026-12-01T02:00:00.000Z' } })

/** A valid body changed by `mutate`, sent with a fresh key, the given one, or none (null). */
function create(mutate: (body: Body) => void, key?: string | null) {
  return ({ server, cookie }: BadRequestContext) => {
    const body = valid()
    mutate(body)
    return server.api(PATH, { body, cookie, headers: key === null ? {} : { 'Idempotency-Key': key ?? newKey() } })
  }
}
function invalid(name: string, mutate: (body: Body) => void): BadRequest {
  return { endpoint: PATH, name, status: 400, code: 'VALIDATION_FAILED', send: create(mutate) }
}
function same() {}

export const OPPORTUNITY_CASES: BadRequest[] = [
  { endpoint: PATH, name: 'without an Idempotency-Key', status: 400, code: 'IDEMPOTENCY_KEY_INVALID', send: create(same, null) },
  { endpoint: PATH, name: 'with an Idempotency-Key that is not a UUID', status: 400, code: 'IDEMPOTENCY_KEY_INVALID', send: create(same, 'x'.repeat(300)) },
  invalid('with an empty object', (b) => { for (const k of Object.keys(b)) delete b[k] }),
  invalid('with lineId as a string', (b) => { b.lineId = '1' }),
  invalid('with a negative processId', (b) => { b.processId = -11 }),
  invalid('with userId, which the session owns', (b) => { b.userId = 102 }),
  invalid('with customerId, which the customer lookup owns', (b) => { b.customerId = 2004 }),
  invalid('with source 2 (a prospect)', (b) => { b.source = 2 }),
  invalid('with prospectId', (b) => { b.prospectId = 7 }),
  invalid('with externalUserId holding a path', (b) => { b.externalUserId = '../wmDemoSunHao04' }),
  invalid('with a next contact that is not a date', (b) => { b.nextTime.nextContactTime = 'next week' }),
  invalid('with a blank schedule name', (b) => { b.nextTime.scheduleName = ' ' }),
  { endpoint: PATH, name: 'with a line that is not configured', status: 422, code: 'BUSINESS_LINE_NOT_FOUND', send: create((b) => { b.lineId = 99 }) },
  { endpoint: PATH, name: 'with a process of another line', status: 422, code: 'BUSINESS_PROCESS_NOT_FOUND', send: create((b) => { b.processId = 22 }) },
  { endpoint: PATH, name: 'for someone else\'s customer', status: 403, code: 'NOT_YOUR_CUSTOMER', send: create((b) => { b.externalUserId = 'wmDemoSunHao04' }) },
  {
    endpoint: PATH,
    name: 'with a __proto__ key',
    status: 400,
    code: 'VALIDATION_FAILED',
    send: ({ server, cookie }) => raw(server, PATH, { method: 'POST', cookie, headers: { ...json, 'Idempotency-Key': newKey() }, body: JSON.stringify(valid()).replace(/^\{/, '{"__proto__":{"polluted":"yes"},') }),
  },
]
