import type { OnceAnswer } from './submit-once'
import express from 'express'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { sendOnceAnswer } from './once-http'

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
