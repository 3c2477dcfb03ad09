import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Try } from './http'
import { createServer } from 'node:http'
import { Socket } from 'node:net'
import { describe, expect, it, vi } from 'vitest'
import { createHttpClient, retryWhileBusy } from './http'
import { UpstreamError } from './upstream-error'

// A Retry-After of 4 ms keeps the waits (1, 2, 4 ms) short.
const busy = (code: number) => ({ busy: new UpstreamError('wecom', 'rate-limited', false, { code, retryAfterSeconds: 0.004 }) })

function scripted<T>(answers: Try<T>[]) {
  let tries = 0
  return { once: async () => answers[tries++]!, tries: () => tries }
}

describe('retryWhileBusy', () => {
  it('asks again while the upstream is busy and returns the first answer', async () => {
    const upstream = scripted([busy(45009), busy(45033), { answer: 'ok' }])
    await expect(retryWhileBusy(2, upstream.once)).resolves.toBe('ok')
    expect(upstream.tries()).toBe(3)
  })

  it('gives up after the allowed retries with the last busy error', async () => {
    const upstream = scripted([busy(45009), busy(45033), busy(-1), { answer: 'too late' }])
    await expect(retryWhileBusy(2, upstream.once)).rejects.toMatchObject({ kind: 'rate-limited', detail: { code: -1 } })
    expect(upstream.tries()).toBe(3)
  })

  it('does not retry a failure that is not "busy"', async () => {
    let tries = 0
    const refused = new UpstreamError('pulan', 'rejected', false, { code: 500 })
    await expect(retryWhileBusy(2, async () => {
      tries++
      throw refused
    })).rejects.toBe(refused)
    expect(tries).toBe(1)
  })
})

/** Listens on a free loopback port: its base URL, and a stop that also ends the kept-alive connections. */
async function listen(server: Server) {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => {
      server.closeAllConnections()
      server.close()
    },
  }
}

/** A server that reads each request's whole body before it answers. */
function bodyServer(answer: (req: IncomingMessage, body: string, res: ServerResponse) => void): Server {
  return createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => answer(req, body, res))
  })
}

describe('createHttpClient', () => {
  it('keeps one TCP keep-alive setting on a pooled socket, so a reused connection costs no setsockopt calls', async () => {
    const server = await listen(createServer((_req, res) => res.end('{"code":0}')))
    const client = createHttpClient('pulan', server.baseUrl, 1000)
    const setKeepAlive = vi.spyOn(Socket.prototype, 'setKeepAlive')
    try {
      for (let i = 0; i < 3; i++)
        expect((await client.send({ method: 'GET', url: '/' })).data).toEqual({ code: 0 })
      expect(new Set(setKeepAlive.mock.calls.map(([, delay]) => delay))).toEqual(new Set([60_000]))
    }
    finally {
      setKeepAlive.mockRestore()
      server.stop()
    }
  })

  it('sends what axios sends by default (JSON in and out) and still tells a timeout from a refusal', async () => {
    const seen: Record<string, unknown>[] = []
    const server = await listen(bodyServer((req, body, res) => {
      seen.push({ method: req.method, accept: req.headers.accept, type: req.headers['content-type'], authorization: req.headers.authorization, body })
      if (req.url === '/slow')
        return setTimeout(() => res.end('{}'), 300)
      res.setHeader('content-type', 'application/json')
      res.end('{"code":0,"data":{"ok":true}}')
    }))
    const client = createHttpClient('pulan', server.baseUrl, 100)
    try {
      const answer = await client.send({ method: 'POST', url: '/add', data: { a: 1 }, headers: { Authorization: 'Bearer t' } })
      expect(answer.data).toEqual({ code: 0, data: { ok: true } })
      expect((await client.send({ method: 'GET', url: '/get', params: { q: 'x' } })).status).toBe(200)
      expect(seen).toEqual([
        { method: 'POST', accept: 'application/json, text/plain, */*', type: 'application/json', authorization: 'Bearer t', body: '{"a":1}' },
        { method: 'GET', accept: 'application/json, text/plain, */*', type: undefined, authorization: undefined, body: '' },
      ])
      await expect(client.send({ method: 'GET', url: '/slow' })).rejects.toMatchObject({ kind: 'timeout' })
    }
    finally {
      server.stop()
    }
  })

  it('goes through axios\'s HTTP adapter: its User-Agent, JSON answers parsed, other text left as text, uploads as multipart', async () => {
    const seen: Record<string, unknown>[] = []
    const server = await listen(bodyServer((req, body, res) => {
      seen.push({ agent: req.headers['user-agent'], type: req.headers['content-type'], body })
      res.end({ '/json': '{"errcode":0}', '/text': 'not json {', '/empty': '' }[req.url!] ?? '{}')
    }))
    const client = createHttpClient('wecom', server.baseUrl, 1000)
    try {
      expect((await client.send({ method: 'GET', url: '/json' })).data).toEqual({ errcode: 0 })
      expect((await client.send({ method: 'GET', url: '/text' })).data).toBe('not json {')
      expect((await client.send({ method: 'GET', url: '/empty' })).data).toBe('')
      const form = new FormData()
      form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'a.txt')
      await client.send({ method: 'POST', url: '/upload', data: form })
      expect(seen[0]!.agent).toMatch(/^axios\//)
      expect(seen[3]!.type).toMatch(/^multipart\/form-data; boundary=/)
      expect(seen[3]!.body).toContain('filename="a.txt"')
      expect(seen[3]!.body).toContain('hello')
    }
    finally {
      server.stop()
    }
  })

  it('tells a refused connection (surely not arrived) from a dropped one (may have arrived)', async () => {
    const server = await listen(createServer(req => req.socket.destroy()))
    try {
      await expect(createHttpClient('pulan', server.baseUrl, 1000).send({ method: 'POST', url: '/add', data: {} }))
        .rejects
        .toMatchObject({ kind: 'reset', mayHaveArrived: true })
    }
    finally {
      server.stop()
    }
    await expect(createHttpClient('pulan', server.baseUrl, 1000).send({ method: 'GET', url: '/' }))
      .rejects
      .toMatchObject({ kind: 'unreachable', mayHaveArrived: false })
  })
})
