import type { ApiInit, ApiResponse, TestServer } from '../support/harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../support/harness'
import { fullSubmission, newKey } from '../support/submission'
import { callbackPath, smallPng } from './drivers'
import { createRecordingStore } from './recording-store'
import { CONFIGURED_SECRETS, findSecrets } from './secret-scan'

const store = createRecordingStore()
let server: TestServer
const responses: { path: string, response: ApiResponse }[] = []
let cookies: string[] = []

async function call(path: string, init: ApiInit = {}) {
  const response = await server.api(path, init)
  responses.push({ path, response })
  return response
}

/** A salesperson's whole day against faulty upstreams: every kind of line the server can log gets written. */
async function journey() {
  const cookie = await server.login('zhangwei')
  cookies = [cookie, await server.login('lina')]
  const { faults } = server.sandbox
  await call('/api/me', { cookie })
  await call('/api/jssdk/config', { body: { url: 'http://localhost:3000/?customer=wmDemoChenJing01' }, cookie })
  await call('/api/customers/wmDemoChenJing01/context', { cookie })
  const file = (await call('/api/files', { method: 'POST', form: smallPng(), cookie })).body
  const submit = (key = newKey(), body: unknown = fullSubmission(file)) => call('/api/follow-ups', { body, cookie, headers: { 'Idempotency-Key': key } })
  await submit()
  server.sandbox.expireTokens()
  await call('/api/jssdk/config', { body: { url: 'http://localhost:3000/' }, cookie })
  await submit()
  faults.set('wecom.externalcontact', { kind: 'tokenExpired' }, { times: 1 })
  faults.set('pulan.addFollow', { kind: 'tokenExpired' }, { times: 1 })
  await submit()
  faults.set('pulan.addFollow', { kind: 'slow', delayMs: 700 }, { times: 1 })
  const key = newKey()
  await submit(key)
  await submit(key)
  faults.set('pulan.upload', { kind: 'malformed' }, { times: 1 })
  await call('/api/files', { method: 'POST', form: smallPng(), cookie })
  faults.set('pulan.customer', { kind: 'down' }, { times: 1 })
  await call('/api/customers/wmDemoChenJing01/context', { cookie })
  faults.set('wecom.gettoken', { kind: 'status', status: 500 })
  server.sandbox.expireTokens()
  await call('/api/customers/wmDemoChenJing01/context', { cookie })
  faults.clear()
  await submit(newKey(), { ...fullSubmission(file), businessId: 1004 })
  await call('/api/customers/wmDemoSunHao04/context', { cookie })
  await call('/api/me', { cookie: 'fu_session=s%3Aforged.sig' })
  const callback = await callbackPath(server)
  faults.set('pulan.user', { kind: 'reset' }, { times: 1 })
  await call(callback.path, { cookie: callback.cookie })
  await call(`/auth/callback?code=not-a-real-code&state=${'f'.repeat(64)}`)
  await new Promise(resolve => setTimeout(resolve, 800))
}

beforeAll(async () => {
  server = await startTestServer({ store, env: { UPSTREAM_TIMEOUT_MS: '400' } })
  await journey()
}, 30_000)
afterAll(() => server.close())

/** Everything the server must never write down or send: credentials, every token and ticket it held, sessions, codes. */
function secrets(): string[] {
  const { requests } = server.sandbox.records
  const fromQueries = requests.flatMap(r => ['access_token', 'code', 'corpsecret', 'appSecret'].map(name => r.query[name]))
  const sessions = cookies.flatMap(cookie => [cookie.slice('fu_session='.length), decodeURIComponent(cookie.slice('fu_session='.length))])
  return [
    ...CONFIGURED_SECRETS,
    ...store.valuesOf(/access_token|ticket/),
    ...fromQueries.filter((value): value is string => typeof value === 'string'),
    ...sessions,
  ]
}

describe('secrets during a full journey with faults', () => {
  it('had real tokens, tickets, codes and sessions to look for, and wrote many log lines', () => {
    expect(store.valuesOf(/wecom:.*access_token$/).length).toBeGreaterThanOrEqual(2)
    expect(store.valuesOf(/pulan:.*access_token$/).length).toBeGreaterThanOrEqual(2)
    expect(store.valuesOf(/ticket$/).length).toBeGreaterThanOrEqual(2)
    expect(server.sandbox.records.requests.filter(r => r.path.endsWith('/getuserinfo')).length).toBeGreaterThanOrEqual(3)
    expect(secrets().length).toBeGreaterThan(15)
    expect(server.logLines.length).toBeGreaterThan(25)
    expect(server.logLines.some(line => line.includes('"msg":"request failed"'))).toBe(true)
    expect(responses.map(r => r.response.status)).toEqual(expect.arrayContaining([200, 201, 400, 403, 422, 503, 504]))
  })

  it('writes none of them in any log line', () => {
    const all = secrets()
    const leaks = server.logLines.flatMap((line, index) => findSecrets(line, all).map(secret => `line ${index}: ${secret.slice(0, 12)}…`))
    expect(leaks).toEqual([])
  })

  it('sends none of them in any response body, nor the error answers\' headers', () => {
    const all = secrets()
    const leaks = responses.flatMap(({ path, response }) => {
      const headers = [...response.headers].filter(([name]) => name !== 'set-cookie').map(([name, value]) => `${name}: ${value}`).join('\n')
      const text = `${typeof response.body === 'string' ? response.body : JSON.stringify(response.body)}\n${headers}`
      return findSecrets(text, all).map(secret => `${path} (${response.status}): ${secret.slice(0, 12)}…`)
    })
    expect(leaks).toEqual([])
  })
})
