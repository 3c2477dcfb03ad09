import type { Sandbox } from '../../src/sandbox'
import type { ServerProcess } from '../support/server-process'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_BUSINESS_LINES_FILE } from '../../src/config'
import { startSandbox } from '../../src/sandbox'
import { startServerProcess, upstreamEnv } from '../support/server-process'
import { newKey } from '../support/submission'
import { call, signInAcross } from './client'

// A db index of its own on the test Redis, flushed before and after.
const redisUrl = Object.assign(new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6390'), { pathname: '/6' }).href

let sandbox: Sandbox
let redis: Redis
let instances: ServerProcess[] = []
let a: string
let b: string
let cookie: string

beforeAll(async () => {
  sandbox = await startSandbox()
  redis = new Redis(redisUrl)
  await redis.flushdb()
  const env = { ...upstreamEnv(sandbox), REDIS_URL: redisUrl, BUSINESS_LINES_FILE: SANDBOX_BUSINESS_LINES_FILE }
  instances = await Promise.all([startServerProcess(env), startServerProcess(env)])
  ;[a, b] = instances.map(instance => instance.url) as [string, string]
  cookie = await signInAcross(a, b)
}, 30_000)

afterAll(async () => {
  await Promise.all(instances.map(instance => instance.stop()))
  await sandbox?.close()
  await redis?.flushdb()
  await redis?.quit()
})

const body = { externalUserId: 'wmDemoZhouMin03', lineId: 2, processId: 21 }
function create(base: string, key: string, payload: unknown = body) {
  return call(base, '/api/opportunities', { body: payload, cookie, headers: { 'Idempotency-Key': key } })
}

describe('creating an opportunity on two server processes sharing one Redis', () => {
  it('creates once for one key sent 20 times at once to both, and both replay the same answer', async () => {
    sandbox.faults.set('pulan.createBusiness', { kind: 'slow', delayMs: 300 }, { times: 1 })
    const key = newKey()
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => create(i % 2 ? a : b, key)))
    const statuses = answers.map(answer => answer.status)
    expect(statuses.filter(status => status === 201)).toHaveLength(1)
    expect(statuses.filter(status => status === 409)).toHaveLength(19)
    expect(sandbox.records.createBusinesses).toHaveLength(1)

    const created = answers.find(answer => answer.status === 201)!.body
    expect(created.opportunity).toMatchObject({ lineId: 2, processId: 21, stageId: 10 })
    const [onA, onB] = await Promise.all([create(a, key), create(b, key)])
    expect([onA.status, onB.status]).toEqual([201, 201])
    expect([onA.headers.get('idempotent-replayed'), onB.headers.get('idempotent-replayed')]).toEqual(['true', 'true'])
    expect(onA.body).toEqual(created)
    expect(onB.body).toEqual(created)
    expect(sandbox.records.createBusinesses).toHaveLength(1)
  })

  it('refuses the key with another body on the other instance', async () => {
    const key = newKey()
    expect((await create(a, key)).status).toBe(201)
    const other = await create(b, key, { ...body, processId: 22 })
    expect(other.status).toBe(422)
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
  })

  it('lets a follow-up on the new opportunity through the other instance at once', async () => {
    const created = (await create(a, newKey())).body.opportunity
    const followUp = await call(b, '/api/follow-ups', {
      cookie,
      headers: { 'Idempotency-Key': newKey() },
      body: { externalUserId: body.externalUserId, businessId: created.businessId, stageId: created.stageId, templateId: 10, result: 'finish', actualStartTime: '2026-11-29T02:00:00.000Z', actualEndTime: '2026-11-29T02:10:00.000Z', detailList: [{ moduleId: 20, detail: [{ optionId: 21 }] }] },
    })
    expect(followUp.status).toBe(201)
    expect(sandbox.records.addFollows.at(-1)).toMatchObject({ businessId: created.businessId })
  })
})
