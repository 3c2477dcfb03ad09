import type { BadRequest, BadRequestContext } from './bad-requests'
import { raw } from './bad-requests'
import { callbackPath } from './drivers'

const login = (query: string) => ({ server }: BadRequestContext) => raw(server, `/auth/login?${query}`)
const returnTo = (value: string) => login(`returnTo=${encodeURIComponent(value)}`)
/** A fresh, real callback URL whose query `tamper` then changes. */
function callback(tamper: (query: URLSearchParams) => string) {
  return async ({ server }: BadRequestContext) => {
    const path = new URL(await callbackPath(server), 'http://x')
    return raw(server, `/auth/callback?${tamper(path.searchParams)}`)
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
    const first = await raw(server, spoil(await callbackPath(server)))
    const retried = first.headers.getSetCookie().find(c => c.startsWith('fu_oauth_retry='))?.split(';')[0]
    return raw(server, spoil(await callbackPath(server)), { cookie: retried ?? '' })
  }),
  page(CALLBACK, 'with a replayed state', async (ctx) => {
    const path = await callbackPath(ctx.server)
    await raw(ctx.server, path)
    return raw(ctx.server, path)
  }),
]
