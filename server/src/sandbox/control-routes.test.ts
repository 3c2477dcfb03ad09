import type { Sandbox } from './index'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getJson, postFollow, pulanGet, pulanToken } from '../../test/support/sandbox-client'
import { startSandbox } from './index'
import { SEED_ADD_FOLLOW_EXAMPLE } from './seed-example'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

function control(method: string, path: string, body?: unknown) {
  return fetch(`${sandbox.pulanBaseUrl}/__sandbox${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  })
}

describe('sandbox control API', () => {
  it('reports counts and accepted follow-ups', async () => {
    await postFollow(sandbox, await pulanToken(sandbox), SEED_ADD_FOLLOW_EXAMPLE)
    const records = await getJson(`${sandbox.pulanBaseUrl}/__sandbox/records`)
    expect(records.counts).toMatchObject({ 'pulan.token': 1, 'pulan.addFollow': 1, 'wecom.gettoken': 0 })
    expect(records.addFollows).toEqual([SEED_ADD_FOLLOW_EXAMPLE])
    expect(records.requests.map((r: { endpoint: string }) => r.endpoint)).toEqual(['pulan.token', 'pulan.addFollow'])
  })

  it('sets and clears a fault over HTTP', async () => {
    const token = await pulanToken(sandbox)
    expect((await control('POST', '/faults', { endpoint: 'pulan.customer', fault: { kind: 'rateLimited' }, times: 1 })).status).toBe(200)
    expect((await pulanGet(sandbox, token, '/open-api/customer/info?externalUserId=wmDemoChenJing01')).code).toBe(429)
    await control('POST', '/faults', { endpoint: 'pulan.customer', fault: { kind: 'status', status: 503 } })
    await control('DELETE', '/faults')
    expect((await pulanGet(sandbox, token, '/open-api/customer/info?externalUserId=wmDemoChenJing01')).code).toBe(0)
  })

  it.each([
    ['an unknown endpoint', { endpoint: 'pulan.nothing', fault: { kind: 'reset' } }],
    ['an unknown kind', { endpoint: 'pulan.user', fault: { kind: 'explode' } }],
    ['an unsupported status', { endpoint: 'pulan.user', fault: { kind: 'status', status: 404 } }],
  ])('refuses a fault with %s', async (_name, body) => {
    expect((await control('POST', '/faults', body)).status).toBe(400)
    expect(sandbox.faults.active()).toEqual({})
  })

  it('resets records, tokens and demo data', async () => {
    const token = await pulanToken(sandbox)
    await postFollow(sandbox, token, { ...SEED_ADD_FOLLOW_EXAMPLE, stageId: 13 })
    await control('POST', '/reset')
    expect(sandbox.records.count('pulan.addFollow')).toBe(0)
    expect((await pulanGet(sandbox, token, '/open-api/customer/biz-submit/list?customerId=2002')).code).toBe(401)
    const list = await pulanGet(sandbox, await pulanToken(sandbox), '/open-api/customer/biz-submit/list?customerId=2002')
    expect(list.data[0]).toMatchObject({ businessId: 10, stageId: 10 })
  })

  it('expires every token over HTTP', async () => {
    const token = await pulanToken(sandbox)
    await control('POST', '/expire-tokens')
    expect((await pulanGet(sandbox, token, '/open-api/customer/biz-submit/list?customerId=2002')).code).toBe(401)
  })

  it('keeps its own calls out of the records', async () => {
    await control('GET', '/records')
    expect(sandbox.records.requests).toEqual([])
  })
})
