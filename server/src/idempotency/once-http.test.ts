import type { Request } from 'express'
import type { OnceAnswer } from './submit-once'
import { setFlagsFromString } from 'node:v8'
import express from 'express'
import request from 'supertest'
import { describe, expect, it, vi } from 'vitest'
import { onceRequest, sendOnceAnswer } from './once-http'

/** The same answer sent by sendOnceAnswer and by Express's res.json, for comparison. */
function both(answer: OnceAnswer) {
  const app = express()
  app.set('etag', false)
  app.post('/once', (_req, res) => sendOnceAnswer(res, answer))
  app.post('/json', (_req, res) => {
    if (answer.replayed)
      res.set('Idempotent-Replayed', 'true')
    res.status(answer.status).json(answer.body)
  })
  return Promise.all([request(app).post('/once'), request(app).post('/json')])
}

describe('sendOnceAnswer', () => {
  it.each([
    ['a new follow-up (Chinese text: bytes, not characters, in Content-Length)', { status: 201, body: { templateName: '日常', remark: '客户关心价格 "引号" \u2028' }, replayed: false }],
    ['a replayed answer', { status: 201, body: { businessId: 1001 }, replayed: true }],
    ['an error answer', { status: 504, body: { error: { code: 'UPSTREAM_OUTCOME_UNKNOWN', message: '谱蓝云没有及时回应' } }, replayed: false }],
  ])('writes %s exactly as res.json would', async (_name, answer) => {
    const [once, json] = await both(answer)
    expect(once.status).toBe(answer.status)
    expect(once.text).toBe(json.text)
    expect(JSON.parse(once.text)).toEqual(answer.body)
    expect(once.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(once.headers['content-type']).toBe(json.headers['content-type'])
    expect(once.headers['content-length']).toBe(json.headers['content-length'])
    expect(once.headers['idempotent-replayed']).toBe(answer.replayed ? 'true' : undefined)
  })
})

describe('onceRequest', () => {
  const fakeRequest = (id: string, log: object) => ({ body: { remark: id }, id, get log() {
    return log
  } }) as unknown as Request

  it('reads the request\'s logger only when a line is written, and carries whose key it is, the body and the id', () => {
    const logger = { error: vi.fn(), warn: vi.fn() }
    const req = fakeRequest('r1', logger)
    const readLog = vi.spyOn(req, 'log', 'get')
    const onOutcome = vi.fn()
    const once = onceRequest(req, 'zhangwei', 'k1', onOutcome)
    expect(readLog).not.toHaveBeenCalled()
    expect(once).toMatchObject({ owner: 'zhangwei', key: 'k1', body: { remark: 'r1' }, requestId: 'r1', onOutcome })
    expect(once.log).toBe(logger)
    expect(readLog).toHaveBeenCalledTimes(1)
  })

  it('gives every request\'s object the same hidden class (no accessor of its own, which V8 keeps per object)', () => {
    setFlagsFromString('--allow-natives-syntax')
    // eslint-disable-next-line no-new-func
    const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean
    const first = onceRequest(fakeRequest('r1', {}), 'zhangwei', 'k1', () => {})
    const second = onceRequest(fakeRequest('r2', {}), 'lisi', 'k2', () => {})
    expect(Object.getOwnPropertyDescriptor(first, 'log')).toBeUndefined()
    expect(haveSameMap(first, second)).toBe(true)
  })
})
