import type { Writable } from 'node:stream'
import express from 'express'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { createLogger } from './logger'
import { requestLog } from './request-log'

function appLoggingAt(level: string) {
  const lines: Record<string, any>[] = []
  const logger = createLogger(level, { write: (line: string) => lines.push(JSON.parse(line)) } as unknown as Writable)
  const app = express()
  app.use(requestLog(app, logger))
  app.get('/status/:code', (req, res) => {
    req.log.warn('said while serving')
    res.sendStatus(Number(req.params.code))
  })
  return { app, lines }
}

describe('requestLog', () => {
  it.each([
    ['info', 200, []],
    ['debug', 200, [['debug', 'request completed']]],
    ['info', 404, [['info', 'request completed']]],
    ['info', 503, [['error', 'request errored']]],
  ] as const)('at LOG_LEVEL=%s, a %i writes %j after the line said while serving', async (level, status, expected) => {
    const { app, lines } = appLoggingAt(level)
    const response = await request(app).get(`/status/${status}?code=secret-oauth-code`)
    const id = response.headers['x-request-id']
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    const levels = { 20: 'debug', 30: 'info', 40: 'warn', 50: 'error' } as Record<number, string>
    expect(lines.map(line => [levels[line.level], line.msg])).toEqual([['warn', 'said while serving'], ...expected])
    for (const line of lines)
      expect(line.req).toEqual({ id, method: 'GET', url: `/status/${status}` })
    expect(lines.slice(1).map(line => line.res)).toEqual(expected.map(() => ({ statusCode: status })))
  })

  it('gives each request its own id', async () => {
    const { app } = appLoggingAt('info')
    const ids = await Promise.all([1, 2, 3].map(async () => (await request(app).get('/status/204')).headers['x-request-id']))
    expect(new Set(ids).size).toBe(3)
  })
})
