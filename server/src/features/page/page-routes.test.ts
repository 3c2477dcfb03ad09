import type { TestServer } from '../../../test/support/harness'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../../../test/support/harness'

let server: TestServer
let cookie: string
beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'page-dist-'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head><title>记跟进</title></head><body><div id="app"></div></body></html>')
  server = await startTestServer({ webDistDir: dist })
  cookie = await server.login()
})
afterAll(() => server.close())

const bootOf = (html: string) => JSON.parse(/<script type="application\/json" id="boot">(.*?)<\/script>/.exec(html)?.[1] ?? 'null')

describe('one way into the page', () => {
  it.each(['/', '/index.html', '/?customer=wmDemoChenJing01', '/index.html?customer=wmDemoChenJing01', '/INDEX.HTM'])('%s without a session goes to the sign-in', async (path) => {
    const answer = await server.api(path)
    expect(answer.status).toBe(302)
    expect(answer.headers.get('location')).toBe(`/auth/login?returnTo=${encodeURIComponent(path)}`)
  })

  it.each(['/', '/index.html'])('%s with a session carries the boot data and is never cached', async (path) => {
    const answer = await server.api(path, { cookie })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('no-store')
    const boot = bootOf(answer.body)
    expect(boot).toMatchObject({ sandbox: true, me: { wecomUserId: 'zhangwei' } })
    expect(boot.jssdk.url).toBe(`http://localhost:3000${path}`)
  })
})

describe('gET /api/boot', () => {
  it('answers what the served page carries inline, for a page without it', async () => {
    const answer = await server.api('/api/boot', { cookie })
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ sandbox: true, me: { wecomUserId: 'zhangwei', pulanUserId: 101, name: '张伟' } })
    expect((await server.api('/api/boot')).status).toBe(401)
  })
})
