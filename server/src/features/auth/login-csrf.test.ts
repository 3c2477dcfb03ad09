import type { TestServer } from '../../../test/support/harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authorizeAt, startTestServer } from '../../../test/support/harness'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const sessionOf = (headers: Headers) => headers.getSetCookie().find(c => c.startsWith('fu_session='))

describe('login CSRF: a sign-in finishes only in the browser that started it', () => {
  it('sets a short-lived HttpOnly, SameSite=Lax sign-in cookie scoped to /auth at /auth/login', async () => {
    const login = await server.api('/auth/login?returnTo=%2F')
    const cookie = login.headers.getSetCookie().find(c => c.startsWith('fu_signin='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).toMatch(/Path=\/auth/)
    expect(cookie).toMatch(/Max-Age=600\b/)
  })

  it('refuses someone else\'s callback link opened in a browser without the sign-in cookie, and sets no session', async () => {
    const victimsLink = await authorizeAt(server.url, 'lina')
    const planted = await server.api(victimsLink.path)
    expect(planted.status).toBe(400)
    expect(planted.body).toContain('登录链接已失效')
    expect(sessionOf(planted.headers)).toBeUndefined()
  })

  it('refuses it in a browser that started its own sign-in (another binding), and sets no session', async () => {
    const attackers = await authorizeAt(server.url, 'lina')
    const victim = await authorizeAt(server.url, 'zhangwei')
    const planted = await server.api(attackers.path, { cookie: victim.cookie })
    expect(planted.status).toBe(400)
    expect(sessionOf(planted.headers)).toBeUndefined()
    // The victim's own sign-in still works.
    const own = await server.api(victim.path, { cookie: victim.cookie })
    expect(own.status).toBe(302)
    expect(sessionOf(own.headers)).toBeDefined()
  })

  it.each([
    ['an empty value', 'fu_signin='],
    ['a malformed value', 'fu_signin=../x'],
    ['a well-formed guess', `fu_signin=${'A'.repeat(43)}`],
  ])('refuses a callback whose sign-in cookie is %s', async (_name, cookie) => {
    const started = await authorizeAt(server.url)
    const response = await server.api(started.path, { cookie })
    expect(response.status).toBe(400)
    expect(sessionOf(response.headers)).toBeUndefined()
  })

  it('keeps the same binding for two sign-ins started at once in one browser, so both finish', async () => {
    const first = await server.api('/auth/login?returnTo=%2Fa')
    const binding = first.headers.getSetCookie().find(c => c.startsWith('fu_signin='))!.split(';')[0]!
    const second = await server.api('/auth/login?returnTo=%2Fb', { cookie: binding })
    expect(second.headers.getSetCookie().find(c => c.startsWith('fu_signin='))!.split(';')[0]).toBe(binding)
  })
})
