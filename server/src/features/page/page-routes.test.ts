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
  writeFileSync(join(dist, 'index.html'), [
    '<!doctype html><html><head><title>记跟进</title>',
    '<script type="module" crossorigin src="/assets/index-a1.js"></script>',
    '<link rel="modulepreload" crossorigin href="/assets/opening-b2.js">',
    '<link rel="stylesheet" crossorigin href="/assets/index-c3.css">',
    '<link rel="modulepreload" crossorigin href="/assets/first-screen-d4.js" fetchpriority="low">',
    '<link rel="preload" as="style" crossorigin href="/assets/first-screen-e5.css" fetchpriority="low">',
    '</head><body><div id="app"></div></body></html>',
  ].join('\n'))
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

  it('names the entry, its stylesheet and the opening\'s files in a Link header, so they are fetched before the HTML is parsed', async () => {
    const answer = await server.api('/', { cookie })
    expect(answer.headers.get('link')).toBe([
      '</assets/index-a1.js>; rel=modulepreload; crossorigin',
      '</assets/opening-b2.js>; rel=modulepreload; crossorigin',
      '</assets/index-c3.css>; rel=preload; as=style; crossorigin',
    ].join(', '))
    // What the page preloads at low priority waits for the HTML, behind the context request.
    expect(answer.headers.get('link')).not.toContain('first-screen')
    // Without a session there is no page, so no preloads either.
    expect((await server.api('/')).headers.get('link')).toBeNull()
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
