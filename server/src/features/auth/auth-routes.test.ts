import type { TestServer } from '../../../test/support/harness'
import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pickLink, startTestServer, TEST_PUBLIC_URL } from '../../../test/support/harness'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

async function authorize(returnTo = '/') {
  const login = await server.api(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`)
  const authorizeUrl = new URL(login.headers.get('location')!)
  const page = await (await fetch(authorizeUrl)).text()
  const chosen = await fetch(new URL(pickLink(page, 'zhangwei'), authorizeUrl), { redirect: 'manual' })
  const callback = new URL(chosen.headers.get('location')!)
  const cookie = login.headers.getSetCookie().find(c => c.startsWith('fu_signin='))!.split(';')[0]!
  return { login, authorizeUrl, callback, cookie }
}

describe('weCom OAuth2 sign-in', () => {
  it('redirects to the authorize page with snsapi_base, the agent and a state', async () => {
    const { login, authorizeUrl } = await authorize('/?customer=wmDemoChenJing01')
    expect(login.status).toBe(302)
    expect(authorizeUrl.origin).toBe(server.sandbox.wecomBaseUrl)
    expect(authorizeUrl.pathname).toBe('/connect/oauth2/authorize')
    expect(Object.fromEntries(authorizeUrl.searchParams)).toMatchObject({
      appid: server.sandbox.credentials.corpId,
      redirect_uri: `${TEST_PUBLIC_URL}/auth/callback`,
      response_type: 'code',
      scope: 'snsapi_base',
      agentid: String(server.sandbox.credentials.agentId),
      state: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    expect(authorizeUrl.hash).toBe('#wechat_redirect')
  })

  it('sets an HttpOnly, SameSite=Lax, signed, expiring session and returns to the page it came from', async () => {
    const { callback, cookie: binding } = await authorize('/?customer=wmDemoChenJing01')
    const done = await server.api(`${callback.pathname}${callback.search}`, { cookie: binding })
    expect(done.status).toBe(302)
    expect(done.headers.get('location')).toBe('/?customer=wmDemoChenJing01')
    const cookie = done.headers.getSetCookie().find(c => c.startsWith('fu_session='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).toMatch(/Max-Age=\d+/)
    expect(cookie).toMatch(/^fu_session=s%3A/)
    expect(cookie).not.toMatch(/Secure/)
    const me = await server.api('/api/me', { cookie: cookie.split(';')[0] })
    expect(me.body).toEqual({ wecomUserId: 'zhangwei', pulanUserId: 101, name: '张伟' })
  })

  it('refuses a replayed state and sets no session', async () => {
    const { callback, cookie } = await authorize()
    expect((await server.api(`${callback.pathname}${callback.search}`, { cookie })).status).toBe(302)
    const replay = await server.api(`${callback.pathname}${callback.search}`, { cookie })
    expect(replay.status).toBe(400)
    expect(replay.body).toContain('登录链接已失效')
    expect(replay.headers.getSetCookie()).toEqual([])
  })

  it.each([
    ['a forged state', (q: URLSearchParams) => q.set('state', 'f'.repeat(64))],
    ['a missing state', (q: URLSearchParams) => q.delete('state')],
    ['a missing code', (q: URLSearchParams) => q.delete('code')],
    ['a code holding markup', (q: URLSearchParams) => q.set('code', '<b>x</b>')],
  ])('shows a clear error page for %s, without a session', async (_name, tamper) => {
    const { callback, cookie } = await authorize()
    tamper(callback.searchParams)
    const response = await server.api(`/auth/callback?${callback.searchParams}`, { cookie })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/html/)
    expect(response.body).toMatch(/[\u4E00-\u9FFF]/)
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it.each(['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', 'relative/path', '/%0d%0aSet-Cookie:x=1'.replace('%0d%0a', '\r\n')])(
    'accepts only same-origin paths as returnTo, not %j',
    async (returnTo) => {
      const response = await server.api(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`)
      expect(response.status).toBe(400)
      expect(response.headers.get('location')).toBeNull()
    },
  )
})

describe('sign-in edge cases', () => {
  it('sends a second callback for someone already signed in to the page, not to an error', async () => {
    const { callback, cookie: binding } = await authorize('/?customer=wmDemoChenJing01')
    const first = await server.api(`${callback.pathname}${callback.search}`, { cookie: binding })
    const cookie = first.headers.getSetCookie().find(c => c.startsWith('fu_session='))!.split(';')[0]!
    const second = await server.api(`${callback.pathname}${callback.search}`, { cookie: `${cookie}; ${binding}` })
    expect(second.status).toBe(302)
    expect(second.headers.get('location')).toBe('/')
  })

  it('tells a WeCom user who is not a corp member (openid, no userid) so, without a session', async () => {
    const login = await server.api('/auth/login?returnTo=%2F')
    const authorizeUrl = new URL(login.headers.get('location')!)
    const page = await (await fetch(authorizeUrl)).text()
    const chosen = await fetch(new URL(pickLink(page, 'guest'), authorizeUrl), { redirect: 'manual' })
    const callback = new URL(chosen.headers.get('location')!)
    const binding = login.headers.getSetCookie().find(c => c.startsWith('fu_signin='))!.split(';')[0]!
    const done = await server.api(`${callback.pathname}${callback.search}`, { cookie: binding })
    expect(done.status).toBe(403)
    expect(done.body).toContain('不是本企业的成员')
    expect(done.headers.getSetCookie().filter(c => c.startsWith('fu_session='))).toEqual([])
  })

  it.each([
    ['a used code', async (q: URLSearchParams) => {
      const token = (await (await fetch(`${server.sandbox.wecomBaseUrl}/cgi-bin/gettoken?corpid=${server.sandbox.credentials.corpId}&corpsecret=${server.sandbox.credentials.corpSecret}`)).json()).access_token
      await fetch(`${server.sandbox.wecomBaseUrl}/cgi-bin/auth/getuserinfo?access_token=${token}&code=${q.get('code')}`)
    }],
    ['a code WeCom does not know', async (q: URLSearchParams) => q.set('code', 'not-a-real-code')],
  ])('starts the sign-in once more by itself on %s, then signs in; a second failure shows the error', async (_name, spoil) => {
    const { callback, cookie: binding } = await authorize('/?customer=wmDemoChenJing01')
    await spoil(callback.searchParams)
    const first = await server.api(`/auth/callback?${callback.searchParams}`, { cookie: binding })
    expect(first.status).toBe(302)
    expect(first.headers.get('location')).toBe(`/auth/login?returnTo=${encodeURIComponent('/?customer=wmDemoChenJing01')}`)
    const retried = first.headers.getSetCookie().find(c => c.startsWith('fu_oauth_retry='))!.split(';')[0]!

    // The restarted sign-in works: a fresh code signs in and clears the marker.
    const again = await authorize('/?customer=wmDemoChenJing01')
    const done = await server.api(`${again.callback.pathname}${again.callback.search}`, { cookie: `${retried}; ${again.cookie}` })
    expect(done.status).toBe(302)
    expect(done.headers.get('location')).toBe('/?customer=wmDemoChenJing01')
    expect(done.headers.getSetCookie().some(c => c.startsWith('fu_session='))).toBe(true)

    // Had the restarted one failed too, the salesperson sees the error instead of a loop.
    const spoiled = await authorize()
    await spoil(spoiled.callback.searchParams)
    const shown = await server.api(`/auth/callback?${spoiled.callback.searchParams}`, { cookie: `${retried}; ${spoiled.cookie}` })
    expect(shown.status).toBe(400)
    expect(shown.body).toContain('授权码无效或已使用')
    expect(shown.headers.getSetCookie().some(c => c.startsWith('fu_session='))).toBe(false)
  })
})

describe('sessions', () => {
  it('answers 401 UNAUTHENTICATED without a session', async () => {
    const me = await server.api('/api/me')
    expect(me.status).toBe(401)
    expect(me.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/登录/) })
  })

  function signed(payload: object, secret: string) {
    const value = Buffer.from(JSON.stringify(payload)).toString('base64url')
    const signature = createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '')
    return `fu_session=${encodeURIComponent(`s:${value}.${signature}`)}`
  }

  it.each([
    ['signed with another secret', signed({ wecomUserId: 'lina', pulanUserId: 102, name: '李娜', exp: 9_999_999_999 }, 'another-secret')],
    ['unsigned', `fu_session=${Buffer.from(JSON.stringify({ wecomUserId: 'lina', pulanUserId: 102, name: '李娜', exp: 9_999_999_999 })).toString('base64url')}`],
    ['expired', signed({ wecomUserId: 'zhangwei', pulanUserId: 101, name: '张伟', exp: 1 }, 'test-session-secret-that-is-long-enough-0123456789')],
    ['garbage', 'fu_session=s%3Aabc.def'],
  ])('refuses a session cookie that is %s', async (_name, cookie) => {
    const me = await server.api('/api/me', { cookie })
    expect(me.status).toBe(401)
  })

  it('accepts a correctly signed, unexpired session (so the forgery cases above are meaningful)', async () => {
    const cookie = signed({ wecomUserId: 'zhangwei', pulanUserId: 101, name: '张伟', exp: 9_999_999_999 }, 'test-session-secret-that-is-long-enough-0123456789')
    expect((await server.api('/api/me', { cookie })).status).toBe(200)
  })
})
