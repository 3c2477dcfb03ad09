import type { EndpointName, Fault, FaultOptions } from '../../src/sandbox'
import type { Driver } from './drivers'
import { DRIVERS } from './drivers'

/** Client timeout for the matrix; every slow fault answers well after it. */
export const MATRIX_TIMEOUT_MS = 400
const SLOW_MS = 900

export interface FaultCase { name: string, fault: Fault, options: FaultOptions }

export const FAULTS: FaultCase[] = [
  { name: 'slow (past the timeout)', fault: { kind: 'slow', delayMs: SLOW_MS }, options: {} },
  { name: 'HTTP 503', fault: { kind: 'status', status: 503 }, options: {} },
  { name: 'connection reset', fault: { kind: 'reset' }, options: {} },
  { name: 'malformed JSON', fault: { kind: 'malformed' }, options: {} },
  { name: 'token expired once', fault: { kind: 'tokenExpired' }, options: { times: 1 } },
  { name: 'rate limited once', fault: { kind: 'rateLimited' }, options: { times: 1 } },
  { name: 'rate limited until cleared', fault: { kind: 'rateLimited' }, options: {} },
  { name: 'down', fault: { kind: 'down' }, options: {} },
]

export interface CallRoute { call: EndpointName, driver: Driver }

/** Each upstream call, driven through the endpoint that makes it; the follow-up's own reads are driven too. */
export const ROUTES: CallRoute[] = [
  { call: 'wecom.gettoken', driver: DRIVERS.jssdk },
  { call: 'wecom.jsapiTicket', driver: DRIVERS.jssdk },
  { call: 'wecom.agentTicket', driver: DRIVERS.jssdk },
  { call: 'wecom.getuserinfo', driver: DRIVERS.callback },
  { call: 'wecom.externalcontact', driver: DRIVERS.context },
  { call: 'wecom.groupchat', driver: DRIVERS.group },
  { call: 'wecom.followedList', driver: DRIVERS.group },
  { call: 'pulan.token', driver: DRIVERS.context },
  { call: 'pulan.user', driver: DRIVERS.callback },
  { call: 'pulan.customer', driver: DRIVERS.context },
  { call: 'pulan.opportunities', driver: DRIVERS.context },
  { call: 'pulan.upload', driver: DRIVERS.upload },
  { call: 'pulan.addFollow', driver: DRIVERS.submit },
  { call: 'wecom.gettoken', driver: DRIVERS.submit },
  { call: 'wecom.externalcontact', driver: DRIVERS.submit },
  { call: 'pulan.token', driver: DRIVERS.submit },
  { call: 'pulan.customer', driver: DRIVERS.submit },
  { call: 'pulan.opportunities', driver: DRIVERS.submit },
  { call: 'pulan.createBusiness', driver: DRIVERS.create },
]

export interface Expectation {
  status: number
  code?: 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_REJECTED' | 'UPSTREAM_OUTCOME_UNKNOWN'
  /** Writes (follow-ups, opportunities): records upstream once every delayed request has landed. */
  records?: 0 | 1
  /** The key is kept (a retry with it replays the answer) rather than released (a retry sends it). */
  keyKept?: boolean
}

const TOKEN_CALLS = new Set<EndpointName>(['wecom.gettoken', 'pulan.token'])
const WRITE_CALLS = new Set<EndpointName>(['pulan.addFollow', 'pulan.createBusiness'])
const MAY_HAVE_ARRIVED = new Set<Fault['kind']>(['slow', 'status', 'reset', 'malformed', 'down'])

/** What the client must get for a fault on a call: the rules the server promises, written once. */
export function expectationFor({ call, driver }: CallRoute, { fault, options }: FaultCase): Expectation {
  const once = options.times === 1
  const submit = driver.writes !== undefined
  if (fault.kind === 'tokenExpired' && TOKEN_CALLS.has(call))
    return { status: 502, code: 'UPSTREAM_REJECTED', ...(submit && { records: 0, keyKept: false }) }
  if (once)
    return { status: driver.okStatus, ...(submit && { records: 1 }) }
  if (WRITE_CALLS.has(call) && MAY_HAVE_ARRIVED.has(fault.kind))
    return { status: 504, code: 'UPSTREAM_OUTCOME_UNKNOWN', records: fault.kind === 'slow' ? 1 : 0, keyKept: true }
  return { status: 503, code: 'UPSTREAM_UNAVAILABLE', ...(submit && { records: 0, keyKept: false }) }
}

export const TOKEN_ENDPOINT = (call: EndpointName): EndpointName => (call.startsWith('wecom.') ? 'wecom.gettoken' : 'pulan.token')
