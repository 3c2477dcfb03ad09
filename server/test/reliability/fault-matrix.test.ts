import { describe, expect, it } from 'vitest'
import { ENDPOINT_NAMES } from '../../src/sandbox'
import { DRIVERS } from './drivers'
import { expectationFor, FAULTS, ROUTES } from './fault-matrix'

describe('the fault matrix', () => {
  it('covers every upstream call and every fault kind the sandbox can inject', () => {
    expect(new Set(ROUTES.map(route => route.call))).toEqual(new Set(ENDPOINT_NAMES))
    expect(new Set(FAULTS.map(fault => fault.fault.kind))).toEqual(new Set(['slow', 'status', 'reset', 'malformed', 'tokenExpired', 'rateLimited', 'down']))
    console.log(`fault matrix: ${FAULTS.length} faults x ${ENDPOINT_NAMES.length} upstream calls = ${FAULTS.length * ENDPOINT_NAMES.length} combinations, ${FAULTS.length * ROUTES.length} cases with the follow-up's own reads`)
  })

  it.each([
    ['a follow-up whose add-follow timed out after being sent', 'pulan.addFollow', 'slow (past the timeout)', { status: 504, code: 'UPSTREAM_OUTCOME_UNKNOWN', records: 1, keyKept: true }],
    ['a follow-up whose add-follow was reset before being applied', 'pulan.addFollow', 'connection reset', { status: 504, code: 'UPSTREAM_OUTCOME_UNKNOWN', records: 0, keyKept: true }],
    ['a follow-up whose customer lookup failed', 'pulan.customer', 'HTTP 503', { status: 503, code: 'UPSTREAM_UNAVAILABLE', records: 0, keyKept: false }],
    ['a follow-up whose token endpoint rejected the credentials', 'pulan.token', 'token expired once', { status: 502, code: 'UPSTREAM_REJECTED', records: 0, keyKept: false }],
    ['a follow-up healed by one token refresh', 'pulan.addFollow', 'token expired once', { status: 201, records: 1 }],
  ])('expects for %s', (_name, call, faultName, expected) => {
    const route = ROUTES.find(r => r.call === call && r.driver === DRIVERS.submit)!
    const fault = FAULTS.find(f => f.name === faultName)!
    expect(expectationFor(route, fault)).toEqual(expected)
  })
})
