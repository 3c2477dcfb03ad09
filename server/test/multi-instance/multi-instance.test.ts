import type { Sandbox } from '../../src/sandbox'
import type { ServerProcess } from '../support/server-process'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signJsapi } from '../../src/features/jssdk/signature'
import { startSandbox } from '../../src/sandbox'
import { PNG_1PX } from '../support/file-samples'
import { PUBLIC_URL, startServerProcess, upstreamEnv } from '../support/server-process'
import { fullSubmission, newKey } from '../support/submission'
import { authorizeAt, call, sessionCookieOf, signInAcross } from './client'

// A db index of its own on the test Redis (scripts/test.sh starts it), flushed before and after.
const redisUrl = Object.assign(new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6390'), { pathname: '/3' }).href

let sandbox: Sandbox
let redis: Redis
let instances: [ServerProcess, ServerProcess]
let a: string
let b: string

beforeAll(async () => {
  sandbox = await startSandbox()
  redis = new Redis(redisUrl)
  await redis.flushdb()
  const env = { ...upstreamEnv(sandbox), REDIS_URL: redisUrl }
  instances = await Promise.all([startServerProcess(env), startServerProcess(env)])
  ;[a, b] = instances.map(instance => instance.url) as [string, string]
}, 30_000)

afterAll(async () => {
  await Promise.all(instances?.map(instance => instance.stop()) ?? [])
  await sandbox?.close()
  await redis?.flushdb()
  await redis?.quit()
})

describe('two server processes sharing one Redis', () => {
  it('signs in with the login on one instance and the callback on the other, and the session works on both', async () => {
    const cookie = await signInAcross(a, b)
    const [onA, onB] = await Promise.all([call(a, '/api/me', { cookie }), call(b, '/api/me', { cookie })])
    expect(onA.status).toBe(200)
    expect(onB.body).toEqual(onA.body)
    expect(onA.body).toMatchObject({ wecomUserId: 'zhangwei' })
  })

  it('accepts an OAuth state issued by one instance exactly once on the other, and never again on either', async () => {
    const { path: callback, cookie } = await authorizeAt(a)
    const onB = await Promise.all([b, b, b].map(base => fetch(`${base}${callback}`, { redirect: 'manual', headers: { cookie } })))
    expect(onB.filter(answer => answer.status === 302 && sessionCookieOf(answer))).toHaveLength(1)
    expect(onB.filter(answer => answer.status === 400)).toHaveLength(2)
    const replays = await Promise.all([a, b].map(base => fetch(`${base}${callback}`, { redirect: 'manual', headers: { cookie } })))
    expect(replays.map(answer => answer.status)).toEqual([400, 400])
  })

  it('fetches one token and one of each ticket upstream for 500 concurrent cold requests spread over both', async () => {
    const cookie = await signInAcross(b, a)
    await redis.flushdb()
    sandbox.reset()
    const pageUrl = `${PUBLIC_URL}/?customer=wmDemoChenJing01`
    const answers = await Promise.all(Array.from({ length: 500 }, (_, i) => {
      const base = i % 2 ? a : b
      return i % 4 < 2
        ? call(base, '/api/jssdk/config', { body: { url: pageUrl }, cookie })
        : call(base, '/api/customers/wmDemoChenJing01/context', { cookie })
    }))

    expect(answers.map(answer => answer.status)).toEqual(Array.from({ length: 500 }, () => 200))
    expect(sandbox.records.counts()).toMatchObject({
      'wecom.gettoken': 1,
      'wecom.jsapiTicket': 1,
      'wecom.agentTicket': 1,
      'pulan.token': 1,
      'wecom.externalcontact': 250,
      'pulan.customer': 250,
    })
    // Both instances signed with the one ticket in Redis.
    const { corpId, agentId } = sandbox.credentials
    const jsapiTicket = await redis.get(`followup:wecom:${corpId}:${agentId}:jsapi_ticket`)
    const signed = answers.filter((_, i) => i % 4 < 2)
    expect(signed).toHaveLength(250)
    for (const { body } of signed)
      expect(body.config.signature).toBe(signJsapi(jsapiTicket!, pageUrl, body.config.nonceStr, body.config.timestamp))
  })

  it('sends one record upstream when one Idempotency-Key reaches both instances at once', async () => {
    const cookie = await signInAcross(a, b)
    const form = new FormData()
    form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), '现场.png')
    const file = await (await fetch(`${a}/api/files`, { method: 'POST', body: form, headers: { cookie } })).json()
    const before = sandbox.records.count('pulan.addFollow')
    // 谱蓝云 answers slowly, so every copy arrives while the first is in flight.
    sandbox.faults.set('pulan.addFollow', { kind: 'slow', delayMs: 400 }, { times: 1 })
    const key = newKey()
    const submission = fullSubmission(file, { remark: `multi-instance ${key}` })
    const submit = (base: string, body: unknown = submission) =>
      call(base, '/api/follow-ups', { body, cookie, headers: { 'Idempotency-Key': key } })

    const firstWave = await Promise.all(Array.from({ length: 12 }, (_, i) => submit(i % 2 ? a : b)))
    const created = firstWave.filter(answer => answer.status === 201)
    expect(created.filter(answer => answer.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1)
    expect(firstWave.every(answer => answer.status === 201 || (answer.status === 409 && answer.body.error.code === 'IDEMPOTENCY_IN_FLIGHT'))).toBe(true)
    expect(firstWave.filter(answer => answer.status === 409).length).toBeGreaterThan(0)

    const secondWave = await Promise.all(Array.from({ length: 12 }, (_, i) => submit(i % 2 ? a : b)))
    expect(secondWave.map(answer => answer.status)).toEqual(Array.from({ length: 12 }, () => 201))
    expect(secondWave.every(answer => answer.headers.get('idempotent-replayed') === 'true')).toBe(true)
    expect(new Set(secondWave.map(answer => JSON.stringify(answer.body)))).toEqual(new Set([JSON.stringify(created[0]!.body)]))

    const otherBody = await submit(b, { ...submission, remark: 'another body' })
    expect(otherBody.status).toBe(422)
    expect(otherBody.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(sandbox.records.count('pulan.addFollow') - before).toBe(1)
    expect(sandbox.records.addFollows.filter(follow => follow.remark === submission.remark)).toHaveLength(1)
  })

  it('refreshes a ticket reported bad once a minute across both instances', async () => {
    const cookie = await signInAcross(a, b)
    await call(a, '/api/jssdk/config', { body: { url: `${PUBLIC_URL}/` }, cookie })
    const before = sandbox.records.count('wecom.jsapiTicket')
    const reports = await Promise.all([a, b, a, b].map(base => call(base, '/api/jssdk/bad-signature', { body: { ticket: 'jsapi' }, cookie })))
    expect(reports.map(answer => answer.status)).toEqual([200, 200, 200, 200])
    expect(reports.filter(answer => answer.body.refreshed === true)).toHaveLength(1)
    expect(sandbox.records.count('wecom.jsapiTicket') - before).toBe(1)
    const later = await call(b, '/api/jssdk/bad-signature', { body: { ticket: 'jsapi' }, cookie })
    expect(later.body).toEqual({ refreshed: false })
    expect(sandbox.records.count('wecom.jsapiTicket') - before).toBe(1)
  })

  it('kept both processes alive without an unhandled rejection', () => {
    for (const instance of instances) {
      expect(instance.alive()).toBe(true)
      expect(instance.lines.join('\n')).not.toMatch(/unhandled|uncaught/i)
    }
  })
})
