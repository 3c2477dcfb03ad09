import type { TestServer } from '../support/harness'
import type { BadRequest, BadRequestContext } from './bad-requests'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../support/harness'
import { fullSubmission, newKey } from '../support/submission'
import { API_CASES } from './bad-requests-api'
import { AUTH_CASES } from './bad-requests-auth'
import { FILE_CASES } from './bad-requests-files'
import { FOLLOW_UP_CASES } from './bad-requests-follow-ups'
import { OPPORTUNITY_CASES } from './bad-requests-opportunities'
import { REPORT_CASES } from './bad-requests-reports'
import { SECURITY_CASES } from './bad-requests-security'
import { smallPng } from './drivers'
import { expectErrorPage, expectErrorShape } from './response-checks'

const CASES: BadRequest[] = [...API_CASES, ...FOLLOW_UP_CASES, ...OPPORTUNITY_CASES, ...FILE_CASES, ...AUTH_CASES, ...REPORT_CASES, ...SECURITY_CASES]

let server: TestServer
let ctx: BadRequestContext
let tried = 0
beforeAll(async () => {
  server = await startTestServer({ env: { RATE_LIMIT_API_PER_USER: '100000', RATE_LIMIT_AUTH_PER_IP: '100000' } })
  const cookie = await server.login('zhangwei')
  ctx = { server, cookie, file: (await server.api('/api/files', { method: 'POST', form: smallPng(), cookie })).body }
})
afterAll(async () => {
  await server.close()
  console.log(`hostile and broken input: ${tried} bad requests tried across ${new Set(CASES.map(c => c.endpoint)).size} endpoints`)
})

describe('hostile and broken input', () => {
  it('has at least 80 cases touching every endpoint', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80)
    const endpoints = new Set(CASES.map(c => c.endpoint))
    for (const endpoint of ['/api/me', '/api/jssdk/config', '/api/customers/:id/context', '/api/files', '/api/follow-ups', '/auth/login', '/auth/callback', '/api/sandbox/customers'])
      expect(endpoints).toContain(endpoint)
  })

  it.each(CASES.map(c => [c.endpoint, c.name, c.status, c]))('%s %s: answers %i, reaches no upstream write', async (_e, _n, _s, badRequest) => {
    const { records } = server.sandbox
    const before = { addFollows: records.addFollows.length, upload: records.count('pulan.upload'), addFollow: records.count('pulan.addFollow'), createBusiness: records.count('pulan.createBusiness') }
    const response = await badRequest.send(ctx)
    tried++
    expect(response.status).toBe(badRequest.status)
    if (badRequest.html)
      expectErrorPage(response)
    else
      expectErrorShape(response, badRequest.code)
    expect({ addFollows: records.addFollows.length, upload: records.count('pulan.upload'), addFollow: records.count('pulan.addFollow'), createBusiness: records.count('pulan.createBusiness') }).toEqual(before)
  })

  it('leaves Object.prototype unpolluted and the server working after all of them', async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect((await server.api('/healthz')).status).toBe(200)
    expect((await server.api('/api/me', { cookie: ctx.cookie })).status).toBe(200)
    const submitted = await server.api('/api/follow-ups', { body: fullSubmission(ctx.file), cookie: ctx.cookie, headers: { 'Idempotency-Key': newKey() } })
    expect(submitted.status).toBe(201)
  })
})
