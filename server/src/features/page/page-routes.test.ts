import type { TestServer } from '../../../test/support/harness'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../../../test/support/harness'

let server: TestServer
let cookie: string
const OPENING_JS = `export const opening = ${JSON.stringify('客户'.repeat(400))}\n`

/** The raw bytes and headers of a GET, without the decompression fetch() does. */
function rawGet(path: string, acceptEncoding: string) {
  return new Promise<{ status: number, headers: Record<string, string | string[] | undefined>, body: Buffer }>((resolve, reject) => {
    get(`${server.url}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}
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
  // An asset with the build's brotli and gzip copies, each compressed from its own marked text, so a test can tell
  // which file was sent (and that nothing was compressed on the fly); and one asset without copies.
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'assets/opening-b2.js'), OPENING_JS)
  writeFileSync(join(dist, 'assets/opening-b2.js.br'), brotliCompressSync(`${OPENING_JS}// br`))
  writeFileSync(join(dist, 'assets/opening-b2.js.gz'), gzipSync(`${OPENING_JS}// gz`))
  writeFileSync(join(dist, 'assets/index-a1.js'), 'import "./opening-b2.js"\n')
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

describe('the page\'s assets', () => {
  it('are sent as the build compressed them: brotli when the client takes it, else gzip, else as they are', async () => {
    const br = await rawGet('/assets/opening-b2.js', 'gzip, deflate, br, zstd')
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.body).toString()).toBe(`${OPENING_JS}// br`)
    expect(br.headers['content-type']).toMatch(/^text\/javascript; charset=utf-8$/i)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers.vary).toContain('Accept-Encoding')

    const gz = await rawGet('/assets/opening-b2.js', 'gzip, deflate')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(`${OPENING_JS}// gz`)
    expect(gz.headers['content-type']).toMatch(/^text\/javascript; charset=utf-8$/i)

    const plain = await rawGet('/assets/opening-b2.js', 'identity')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(OPENING_JS)
  })

  it('without compressed copies are sent as they are, and a missing one is a 404, not the page', async () => {
    const small = await rawGet('/assets/index-a1.js', 'gzip, br')
    expect(small.status).toBe(200)
    expect(small.body.toString()).toBe('import "./opening-b2.js"\n')
    expect((await rawGet('/assets/nothing-z9.js', 'gzip, br')).status).toBe(404)
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
