import type { AddressInfo } from 'node:net'
import { once } from 'node:events'
import express from 'express'
import { describe, expect, it } from 'vitest'
import { createHttpServer } from './http-server'

describe('createHttpServer', () => {
  it('creates each request and response with the app\'s own prototypes, before Express sees them', async () => {
    const app = express()
    app.post('/echo', express.json(), (req, res) => {
      res.json({ body: req.body, url: req.originalUrl })
    })
    const server = createHttpServer(app)
    const seen: boolean[] = []
    server.prependListener('request', (req, res) => {
      seen.push(Object.getPrototypeOf(req) === app.request, Object.getPrototypeOf(res) === app.response)
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    try {
      const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/echo?x=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' })
      expect(await answer.json()).toEqual({ body: { a: 1 }, url: '/echo?x=1' })
      expect(seen).toEqual([true, true])
    }
    finally {
      server.close()
    }
  })
})
