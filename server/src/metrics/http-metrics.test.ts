import type { AddressInfo } from 'node:net'
import { once } from 'node:events'
import http from 'node:http'
import express from 'express'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { httpMetrics } from './http-metrics'
import { createMetrics } from './metrics'

function appCounting() {
  const metrics = createMetrics()
  const app = express()
  app.use(httpMetrics(metrics))
  app.get('/items/:id', (_req, res) => {
    res.status(201).json({ ok: true })
  })
  app.get('/slow', (_req, res) => {
    setTimeout(() => res.json({ late: true }), 200)
  })
  const count = async () => (await metrics.httpRequests.get()).values.map(v => [v.labels, v.value])
  const timed = async () => (await metrics.httpDuration.get()).values.find(v => v.metricName?.endsWith('_count'))?.value
  return { app, count, timed }
}

describe('httpMetrics', () => {
  it('counts and times each answered request once, by route pattern, method and status', async () => {
    const { app, count, timed } = appCounting()
    await request(app).get('/items/1')
    await request(app).get('/items/2')
    await new Promise(resolve => setImmediate(resolve))
    expect(await count()).toEqual([[{ route: '/items/:id', method: 'GET', status: '201' }, 2]])
    expect(await timed()).toBe(2)
  })

  it('does not count a request whose client went away before the answer', async () => {
    const { app, count } = appCounting()
    const server = app.listen(0, '127.0.0.1')
    await once(server, 'listening')
    try {
      const aborted = http.get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`)
      aborted.on('error', () => {})
      await new Promise(resolve => setTimeout(resolve, 50))
      aborted.destroy()
      await new Promise(resolve => setTimeout(resolve, 300))
      expect(await count()).toEqual([])
    }
    finally {
      server.close()
    }
  })
})
