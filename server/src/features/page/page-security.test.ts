import type { TestServer } from '../../../test/support/harness'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, TEST_PUBLIC_URL } from '../../../test/support/harness'

const TEMPLATE = '<!doctype html><html><head><title>记跟进</title></head><body><div id="app"></div></body></html>'

let server: TestServer
let cookie: string
beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'page-security-'))
  writeFileSync(join(dist, 'index.html'), TEMPLATE)
  server = await startTestServer({ webDistDir: dist })
  cookie = await server.login('zhangwei')
})
afterAll(() => server.close())

/** A GET with the request line exactly as given (fetch would normalise `//host` and dot segments away). */
function rawGet(path: string): Promise<{ status: number, body: string }> {
  const { hostname, port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers: { cookie } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

function bootOf(html: string) {
  const boots = [...html.matchAll(/<script type="application\/json" id="boot">(.*?)<\/script>/g)]
  expect(boots).toHaveLength(1)
  return JSON.parse(boots[0]![1]!)
}

describe('the served page', () => {
  it.each([
    ['$`', '/?x=$`'],
    ['$\'', '/?x=$\''],
    ['$&', '/?x=$&'],
    ['$$', '/?x=$$'],
    ['all of them encoded', `/?x=${encodeURIComponent('$`$\'$&$<$1')}`],
  ])('inserts the boot data without replacement patterns (%s in the URL)', async (_name, path) => {
    const page = await rawGet(path)
    expect(page.status).toBe(200)
    expect(page.body.match(/<head>/g)).toHaveLength(1)
    expect(page.body.match(/<div id="app">/g)).toHaveLength(1)
    expect(page.body.endsWith('</body></html>')).toBe(true)
    const boot = bootOf(page.body)
    expect(boot.me).toMatchObject({ wecomUserId: 'zhangwei' })
    expect(new URL(boot.jssdk.url).search).toBe(new URL(path, TEST_PUBLIC_URL).search)
  })

  it.each([
    '//otherhost:8443/x',
    '//evil:443/',
    '//user:pass@otherhost/x',
    '/\\otherhost/x',
    '/%2e%2e//otherhost/x',
    'http://otherhost/x',
  ])('signs JS-SDK configs only for PUBLIC_URL\'s origin when the request line is %j', async (path) => {
    const page = await rawGet(path)
    expect(page.status).toBe(200)
    const boot = bootOf(page.body)
    expect(new URL(boot.jssdk.url).origin).toBe(TEST_PUBLIC_URL)
    expect(boot.jssdk.url).not.toMatch(/^https?:\/\/(?:[^/]*@)?(?:otherhost|evil)/)
  })

  it('signs the normalised path', async () => {
    const boot = bootOf((await rawGet('/a/%2e%2e/?customer=wmDemoChenJing01')).body)
    expect(boot.jssdk.url).toBe(`${TEST_PUBLIC_URL}/?customer=wmDemoChenJing01`)
  })
})
