import type { BadRequest, BadRequestContext } from './bad-requests'
import { raw } from './bad-requests'
import { callbackPath } from './drivers'

const login = (query: string) => ({ server }: BadRequestContext) => raw(server, `/auth/login?${query}`)
const returnTo = (value: string) => login(`returnTo=${encodeURIComponent(value)}`)
/** A fresh, real callback URL whose query `tamper` then changes. */
function callback(tamper: (query: URLSearchParams) => string) {
  return async ({ server }: BadRequestContext) => {
    const started = await callbackPath(server)
    const path = new URL(started.path, 'http://x')
    return raw(server, `/auth/callback?${tamper(path.searchParams)}`, { cookie: started.cookie })
  }
}
const page = (endpoint: string, name: string, send: BadRequest['send']): BadRequest => ({ endpoint, name, status: 400, html: true, send })
const LOGIN = '/auth/login'
const CALLBACK = '/auth/callback'

export const AUTH_CASES: BadRequest[] = [
  page(LOGIN, 'returnTo to another host (//host)', returnTo('//evil.example/steal')),
  page(LOGIN, 'returnTo as an absolute foreign URL', returnTo('https://evil.example/')),
  page(LOGIN, 'returnTo as an absolute URL of our own origin', returnTo('http://localhost:3000/')),
  page(LOGIN, 'returnTo with a backslash (/\\host)', returnTo('/\\evil.example')),
  page(LOGIN, 'returnTo with a tab (/<tab>/host)', returnTo('/\t/evil.example')),
  page(LOGIN, 'returnTo as javascript:', returnTo('javascript:alert(document.cookie)')),
  page(LOGIN, 'returnTo as a data: URL', returnTo('data:text/html,<script>alert(1)</script>')),
  page(LOGIN, 'returnTo as a relative path', returnTo('relative/path')),
  page(LOGIN, 'returnTo whose dot segment normalises to //host', returnTo('/.//evil.example/x')),
  page(LOGIN, 'returnTo whose .. normalises to //host', returnTo('/a/..//evil.example/x')),
  page(LOGIN, 'returnTo whose encoded dots normalise to //host', returnTo('/%2e%2E//evil.example/x')),
  page(LOGIN, 'returnTo whose encoded slashes read as //host', returnTo('/%2F%2Fevil.example')),
  page(LOGIN, 'returnTo whose encoded backslash reads as /\\host', returnTo('/%2e/%5Cevil.example')),
  page(LOGIN, 'returnTo with CR LF (header injection)', returnTo('/\r\nSet-Cookie: fu_session=x')),
  page(LOGIN, 'returnTo given twice', login('returnTo=%2Fa&returnTo=%2Fb')),
  page(LOGIN, 'returnTo over 1 kB', returnTo(`/${'a'.repeat(5000)}`)),
  page(LOGIN, 'an empty returnTo', login('returnTo=')),
  page(CALLBACK, 'without code or state', ({ server }) => raw(server, CALLBACK)),
  page(CALLBACK, 'with a forged state', callback((q) => { q.set('state', 'f'.repeat(64)); return q.toString() })),
  page(CALLBACK, 'with the state given twice', callback(q => `${q.toString()}&state=${q.get('state')}`)),
  page(CALLBACK, 'with a huge state', callback((q) => { q.set('state', 'a'.repeat(10_000)); return q.toString() })),
  page(CALLBACK, 'without a code', callback((q) => { q.delete('code'); return q.toString() })),
  page(CALLBACK, 'with a code holding markup', callback((q) => { q.set('code', '<script>alert(1)</script>'); return q.toString() })),
  page(CALLBACK, 'with the code given twice', callback(q => `${q.toString()}&code=${q.get('code')}`)),
  page(CALLBACK, 'with a code over 512 characters', callback((q) => { q.set('code', 'c'.repeat(600)); return q.toString() })),
  page(CALLBACK, 'with a code WeCom does not know, after the one automatic restart', async ({ server }) => {
    const spoil = (path: string) => `/auth/callback?${new URLSearchParams([...new URL(path, 'http://x').searchParams].map(([k, v]) => [k, k === 'code' ? 'not-a-real-code' : v]))}`
    const firstSignIn = await callbackPath(server)
    const first = await raw(server, spoil(firstSignIn.path), { cookie: firstSignIn.cookie })
    const retried = first.headers.getSetCookie().find(c => c.startsWith('fu_oauth_retry='))?.split(';')[0]
    const second = await callbackPath(server)
    return raw(server, spoil(second.path), { cookie: [second.cookie, retried].filter(Boolean).join('; ') })
  }),
  page(CALLBACK, 'opened in a browser that did not start the sign-in (no binding cookie)', async (ctx) => {
    const { path } = await callbackPath(ctx.server)
    return raw(ctx.server, path)
  }),
  page(CALLBACK, 'opened in a browser bound to another sign-in', async (ctx) => {
    const [planted, own] = await Promise.all([callbackPath(ctx.server, 'lina'), callbackPath(ctx.server)])
    return raw(ctx.server, planted.path, { cookie: own.cookie })
  }),
  page(CALLBACK, 'with a guessed binding cookie', async (ctx) => {
    const { path } = await callbackPath(ctx.server)
    return raw(ctx.server, path, { cookie: `fu_signin=${'x'.repeat(43)}` })
  }),
  page(CALLBACK, 'with a replayed state', async (ctx) => {
    const { path, cookie } = await callbackPath(ctx.server)
    await raw(ctx.server, path, { cookie })
    return raw(ctx.server, path, { cookie })
  }),
]
