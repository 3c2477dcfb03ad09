import type { Sandbox } from '../../src/sandbox'
import type { PrivateRedis } from '../support/redis-process'
import type { ServerProcess } from '../support/server-process'
import type { Answer } from './client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox } from '../../src/sandbox'
import { PNG_1PX } from '../support/file-samples'
import { startPrivateRedis } from '../support/redis-process'
import { PUBLIC_URL, startServerProcess, upstreamEnv } from '../support/server-process'
import { fullSubmission, newKey } from '../support/submission'
import { call, signInAcross } from './client'

let redis: PrivateRedis
let sandbox: Sandbox
let server: ServerProcess
let base: string
let cookie: string
let file: unknown

beforeAll(async () => {
  ;[redis, sandbox] = await Promise.all([startPrivateRedis(), startSandbox()])
  server = await startServerProcess({ ...upstreamEnv(sandbox), REDIS_URL: redis.url })
  base = server.url
}, 30_000)

afterAll(async () => {
  await server?.stop()
  await Promise.all([sandbox?.close(), redis?.stop()])
})

const jssdk = () => call(base, '/api/jssdk/config', { body: { url: `${PUBLIC_URL}/` }, cookie })
const context = () => call(base, '/api/customers/wmDemoChenJing01/context', { cookie })
const submit = (key = newKey()) => call(base, '/api/follow-ups', { body: fullSubmission(file as never, { remark: key }), cookie, headers: { 'Idempotency-Key': key } })

async function uploadFile() {
  const form = new FormData()
  form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), '现场.png')
  file = await (await fetch(`${base}/api/files`, { method: 'POST', body: form, headers: { cookie } })).json()
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T, ms: number }> {
  const started = performance.now()
  const result = await work()
  return { result, ms: performance.now() - started }
}

function expectStoreUnavailable(answer: Answer) {
  expect(answer.status).toBe(503)
  expect(answer.body.error.code).toBe('STORE_UNAVAILABLE')
  expect(answer.headers.get('retry-after')).toBe('2')
}

async function untilReady(url = base, timeoutMs = 10_000): Promise<number> {
  const started = Date.now()
  while ((await fetch(`${url}/readyz`)).status !== 200) {
    if (Date.now() - started > timeoutMs)
      throw new Error('never ready again')
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return Date.now() - started
}

describe('a server process whose Redis goes away', () => {
  it('works while Redis is up', async () => {
    cookie = await signInAcross(base, base)
    await uploadFile()
    expect((await fetch(`${base}/readyz`)).status).toBe(200)
    expect((await jssdk()).status).toBe(200)
    expect((await submit()).status).toBe(201)
  })

  it('answers 503 STORE_UNAVAILABLE at once when Redis is killed, while /healthz and the session still work', async () => {
    await redis.kill()
    const sentBefore = sandbox.records.count('pulan.addFollow')
    const { result: answers, ms } = await timed(() => Promise.all([
      ...Array.from({ length: 40 }, () => jssdk()),
      ...Array.from({ length: 40 }, () => context()),
      ...Array.from({ length: 20 }, () => submit()),
    ]))
    answers.forEach(expectStoreUnavailable)
    expect(ms).toBeLessThan(1000)
    expect(sandbox.records.count('pulan.addFollow')).toBe(sentBefore)

    const ready = await call(base, '/readyz')
    expect(ready.status).toBe(503)
    expect(ready.body.error.code).toBe('STORE_UNAVAILABLE')
    expect((await call(base, '/healthz')).status).toBe(200)
    expect((await call(base, '/api/me', { cookie })).body).toMatchObject({ wecomUserId: 'zhangwei' })
    const login = await call(base, '/auth/login?returnTo=%2F')
    expect(login.status).toBe(503)
    expect(login.headers.get('content-type')).toMatch(/text\/html/)
    expect(server.alive()).toBe(true)
  })

  it('works again once Redis is back on the same port, without restarting the app', async () => {
    await redis.restart()
    expect(await untilReady()).toBeLessThan(5000)
    expect((await jssdk()).status).toBe(200)
    expect((await context()).status).toBe(200)
    // The restarted Redis kept nothing (no persistence), upload records included: the attachment is refused until
    // it is uploaded again.
    expect((await submit()).body.error.code).toBe('FILE_NOT_FOUND')
    await uploadFile()
    expect((await submit()).status).toBe(201)
    expect(await signInAcross(base, base)).toMatch(/^fu_session=/)
  })

  it('answers 503 within the command timeout when Redis stops answering, then recovers', async () => {
    redis.pause()
    try {
      const { result, ms } = await timed(() => Promise.all([jssdk(), call(base, '/readyz')]))
      expectStoreUnavailable(result[0])
      expect(result[1].status).toBe(503)
      expect(ms).toBeLessThan(3500)
    }
    finally {
      redis.resume()
    }
    await untilReady()
    expect((await jssdk()).status).toBe(200)
  })

  it('stayed alive throughout, with no unhandled rejection', () => {
    expect(server.alive()).toBe(true)
    expect(server.lines.join('\n')).not.toMatch(/unhandled|uncaught/i)
  })
})

describe('a server process started while Redis is down', () => {
  it('starts, is live but not ready, and becomes ready when Redis comes up', async () => {
    const late = await startPrivateRedis()
    await late.kill()
    const early = await startServerProcess({ ...upstreamEnv(sandbox), REDIS_URL: late.url })
    try {
      expect((await fetch(`${early.url}/healthz`)).status).toBe(200)
      expect((await fetch(`${early.url}/readyz`)).status).toBe(503)
      expect((await call(early.url, '/auth/login?returnTo=%2F')).status).toBe(503)
      await late.restart()
      await untilReady(early.url)
      expect((await call(early.url, '/auth/login?returnTo=%2F')).status).toBe(302)
      expect(early.alive()).toBe(true)
    }
    finally {
      await early.stop()
      await late.stop()
    }
  })
})
