import type { Sandbox } from './index'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getJson, wecomToken } from '../../test/support/sandbox-client'
import { DEMO_SALESPEOPLE, startSandbox } from './index'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const REDIRECT = 'http://127.0.0.1:5173/auth/callback?from=toolbar'
function authorizeUrl(overrides: Record<string, string> = {}) {
  return `${sandbox.wecomBaseUrl}/connect/oauth2/authorize?${new URLSearchParams({
    appid: sandbox.credentials.corpId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'snsapi_base',
    state: 'st-42',
    agentid: String(sandbox.credentials.agentId),
    ...overrides,
  })}`
}

async function chooseLink(userid: string): Promise<string> {
  const html = await (await fetch(authorizeUrl())).text()
  const href = new RegExp(`<a[^>]*data-userid="${userid}"[^>]*href="([^"]+)"`).exec(html)?.[1]
  if (!href)
    throw new Error(`no link for ${userid}`)
  return new URL(href.replaceAll('&amp;', '&'), sandbox.wecomBaseUrl).toString()
}

async function userinfo(code: string) {
  return getJson(`${sandbox.wecomBaseUrl}/cgi-bin/auth/getuserinfo?${new URLSearchParams({ access_token: await wecomToken(sandbox), code })}`)
}

describe('oAuth2 authorize page', () => {
  it('lists every demo salesperson as a link, in Chinese, without outside resources', async () => {
    const response = await fetch(authorizeUrl())
    const html = await response.text()
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(html).toContain('企业微信授权（沙箱）')
    expect(html).toContain('name="viewport"')
    for (const person of DEMO_SALESPEOPLE) {
      expect(html).toContain(`data-userid="${person.wecomUserId}"`)
      expect(html).toContain(person.name)
    }
    expect(html).not.toMatch(/(src|href)="https?:/)
  })

  it('redirects a choice to redirect_uri with code and state, and the code works once', async () => {
    const response = await fetch(await chooseLink('lina'), { redirect: 'manual' })
    expect(response.status).toBe(302)
    const location = new URL(response.headers.get('location')!)
    expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:5173/auth/callback')
    expect(location.searchParams.get('from')).toBe('toolbar')
    expect(location.searchParams.get('state')).toBe('st-42')
    const code = location.searchParams.get('code')!
    expect(await userinfo(code)).toEqual({ errcode: 0, errmsg: 'ok', userid: 'lina' })
    expect(await userinfo(code)).toEqual({ errcode: 40029, errmsg: 'invalid code' })
  })

  it('issues a fresh code on every choice', async () => {
    const link = await chooseLink('zhangwei')
    const codes = await Promise.all([1, 2].map(async () =>
      new URL((await fetch(link, { redirect: 'manual' })).headers.get('location')!).searchParams.get('code')))
    expect(codes[0]).not.toBe(codes[1])
  })

  it('refuses a code it never issued', async () => {
    expect((await userinfo('made-up')).errcode).toBe(40029)
  })

  it.each([
    ['a wrong appid', { appid: 'wwother' }, 'appid'],
    ['a relative redirect_uri', { redirect_uri: '/auth/callback' }, 'redirect_uri'],
    ['a non-http redirect_uri', { redirect_uri: 'javascript:alert(1)' }, 'redirect_uri'],
    ['another scope', { scope: 'snsapi_userinfo' }, 'scope'],
    ['another response_type', { response_type: 'token' }, 'response_type'],
  ])('refuses %s with a Chinese error page', async (_name, overrides, field) => {
    const response = await fetch(authorizeUrl(overrides))
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('授权参数错误')
    expect(html).toContain(field)
    expect(html).not.toContain('data-userid')
  })
})
