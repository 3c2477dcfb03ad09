import type { Sandbox } from './index'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { postFollow, pulanToken, wecomToken } from '../../test/support/sandbox-client'
import { startSandbox } from './index'
import { SEED_ADD_FOLLOW_EXAMPLE } from './seed-example'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const jsapiTicket = async () => fetch(`${sandbox.wecomBaseUrl}/cgi-bin/get_jsapi_ticket?access_token=${await wecomToken(sandbox)}`)
async function pulanUser() {
  return fetch(`${sandbox.pulanBaseUrl}/open-api/org/user/by-wecom-userid?wecomUserId=zhangwei`, {
    headers: { Authorization: `Bearer ${await pulanToken(sandbox)}` },
  })
}

describe('fault injection', () => {
  it('delays the answer for a slow fault', async () => {
    sandbox.faults.set('wecom.jsapiTicket', { kind: 'slow', delayMs: 150 })
    const started = Date.now()
    const response = await jsapiTicket()
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect((await response.json()).errcode).toBe(0)
  })

  it('still records and applies a slow add-follow the caller gave up on', async () => {
    const token = await pulanToken(sandbox)
    sandbox.faults.set('pulan.addFollow', { kind: 'slow', delayMs: 200 })
    const call = fetch(`${sandbox.pulanBaseUrl}/open-api/customer/biz-submit/add-follow`, {
      method: 'POST',
      headers: { 'Authorization': `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(SEED_ADD_FOLLOW_EXAMPLE),
      signal: AbortSignal.timeout(50),
    })
    await expect(call).rejects.toThrow()
    expect(sandbox.records.addFollows).toHaveLength(0)
    await expect.poll(() => sandbox.records.addFollows.length, { timeout: 2000 }).toBe(1)
  })

  it.each([500, 502, 503] as const)('answers HTTP %i for a status fault', async (status) => {
    sandbox.faults.set('pulan.user', { kind: 'status', status })
    expect((await pulanUser()).status).toBe(status)
  })

  it.each(['reset', 'down'] as const)('drops the connection without an answer for a %s fault', async (kind) => {
    sandbox.faults.set('wecom.jsapiTicket', { kind })
    await expect(jsapiTicket()).rejects.toThrow(/fetch failed/)
    expect(sandbox.records.requests.at(-1)).toMatchObject({ endpoint: 'wecom.jsapiTicket', status: 0 })
  })

  it('does not apply an add-follow whose connection was reset', async () => {
    const token = await pulanToken(sandbox)
    sandbox.faults.set('pulan.addFollow', { kind: 'reset' })
    await expect(postFollow(sandbox, token, SEED_ADD_FOLLOW_EXAMPLE)).rejects.toThrow()
    expect(sandbox.records.addFollows).toEqual([])
  })

  it('answers 200 with a body that is not JSON for a malformed fault', async () => {
    sandbox.faults.set('pulan.user', { kind: 'malformed' })
    const response = await pulanUser()
    expect(response.status).toBe(200)
    await expect(response.json()).rejects.toThrow(SyntaxError)
  })

  it.each<[string, 'wecom.jsapiTicket' | 'pulan.user', () => Promise<Response>, object]>([
    ['WeCom', 'wecom.jsapiTicket', jsapiTicket, { errcode: 42001 }],
    ['谱蓝云', 'pulan.user', pulanUser, { code: 401 }],
  ])('answers token expired on %s for a tokenExpired fault, whatever the token', async (_name, endpoint, call, expected) => {
    sandbox.faults.set(endpoint, { kind: 'tokenExpired' })
    expect(await (await call()).json()).toMatchObject(expected)
  })

  it.each<[string, 'wecom.jsapiTicket' | 'pulan.user', () => Promise<Response>, object]>([
    ['WeCom', 'wecom.jsapiTicket', jsapiTicket, { errcode: 45009 }],
    ['谱蓝云', 'pulan.user', pulanUser, { code: 429 }],
  ])('answers rate limited on %s with Retry-After for a rateLimited fault', async (_name, endpoint, call, expected) => {
    sandbox.faults.set(endpoint, { kind: 'rateLimited' })
    const response = await call()
    expect(response.headers.get('retry-after')).toBe('1')
    expect(await response.json()).toMatchObject(expected)
  })

  it('plays a fault only the given number of times', async () => {
    sandbox.faults.set('pulan.user', { kind: 'status', status: 503 }, { times: 2 })
    const statuses = []
    for (let i = 0; i < 3; i++)
      statuses.push((await pulanUser()).status)
    expect(statuses).toEqual([503, 503, 200])
  })

  it('stops a fault when it is cleared, and leaves other endpoints alone', async () => {
    sandbox.faults.set('pulan.user', { kind: 'status', status: 500 })
    expect((await jsapiTicket()).status).toBe(200)
    sandbox.faults.clear('pulan.user')
    expect((await pulanUser()).status).toBe(200)
  })

  it('counts faulted calls like any other', async () => {
    sandbox.faults.set('pulan.user', { kind: 'status', status: 502 }, { times: 1 })
    await pulanUser()
    await pulanUser()
    expect(sandbox.records.count('pulan.user')).toBe(2)
    expect(sandbox.records.requests.filter(r => r.endpoint === 'pulan.user').map(r => r.status)).toEqual([502, 200])
  })
})
