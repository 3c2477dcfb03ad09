import type { Sandbox } from './index'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getJson, wecomToken } from '../../test/support/sandbox-client'
import { startSandbox } from './index'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

function wecomGet(path: string, params: Record<string, string>) {
  return getJson(`${sandbox.wecomBaseUrl}${path}?${new URLSearchParams(params)}`)
}

describe('weCom gettoken', () => {
  it('issues an access_token for the right corpid and corpsecret', async () => {
    const { corpId, corpSecret } = sandbox.credentials
    expect(await wecomGet('/cgi-bin/gettoken', { corpid: corpId, corpsecret: corpSecret }))
      .toEqual({ errcode: 0, errmsg: 'ok', access_token: expect.any(String), expires_in: 7200 })
  })

  it.each([
    ['a wrong corpid', { corpid: 'wwother', corpsecret: 'x' }, 40013],
    ['a wrong corpsecret', { corpid: 'wwsandbox00000001', corpsecret: 'wrong' }, 40001],
  ])('refuses %s', async (_name, params, errcode) => {
    expect((await wecomGet('/cgi-bin/gettoken', params)).errcode).toBe(errcode)
  })
})

describe('weCom token checks', () => {
  it.each<[string, (s: Sandbox) => Promise<string>, number]>([
    ['an unknown access_token', async () => 'wecom-not-issued', 40014],
    ['an expired access_token', async (s) => {
      const token = await wecomToken(s)
      s.expireTokens()
      return token
    }, 42001],
  ])('answers %s with errcode %i', async (_name, tokenOf, errcode) => {
    const token = await tokenOf(sandbox)
    expect((await wecomGet('/cgi-bin/get_jsapi_ticket', { access_token: token })).errcode).toBe(errcode)
  })

  it('expires tokens after tokenTtlSeconds', async () => {
    const shortLived = await startSandbox({ tokenTtlSeconds: 0.2 })
    try {
      const token = await wecomToken(shortLived)
      await new Promise(resolve => setTimeout(resolve, 300))
      const body = await getJson(`${shortLived.wecomBaseUrl}/cgi-bin/get_jsapi_ticket?access_token=${token}`)
      expect(body).toEqual({ errcode: 42001, errmsg: 'access_token expired' })
    }
    finally {
      await shortLived.close()
    }
  })
})

describe('weCom tickets', () => {
  it('issues the corp jsapi_ticket and the agent ticket', async () => {
    const token = await wecomToken(sandbox)
    const corp = await wecomGet('/cgi-bin/get_jsapi_ticket', { access_token: token })
    const agent = await wecomGet('/cgi-bin/ticket/get', { access_token: token, type: 'agent_config' })
    expect(corp).toEqual({ errcode: 0, errmsg: 'ok', ticket: expect.any(String), expires_in: 7200 })
    expect(agent).toEqual({ errcode: 0, errmsg: 'ok', ticket: expect.any(String), expires_in: 7200 })
    expect(agent.ticket).not.toBe(corp.ticket)
  })

  it('refuses an agent ticket of another type', async () => {
    expect((await wecomGet('/cgi-bin/ticket/get', { access_token: await wecomToken(sandbox), type: 'other' })).errcode).toBe(40004)
  })
})

describe('weCom externalcontact/get', () => {
  it('returns the contact and every follow_user', async () => {
    const body = await wecomGet('/cgi-bin/externalcontact/get', { access_token: await wecomToken(sandbox), external_userid: 'wmDemoWuTing05' })
    expect(body.external_contact).toEqual({
      external_userid: 'wmDemoWuTing05',
      name: '吴婷',
      avatar: `${sandbox.pulanBaseUrl}/avatars/wmDemoWuTing05.jpg`,
      type: 2,
      gender: 2,
      corp_name: '南京青禾医疗器械有限公司',
    })
    expect(body.follow_user.map((f: { userid: string }) => f.userid)).toEqual(['lina', 'zhangwei'])
    expect(body.follow_user[0]).toMatchObject({ remark: '吴主任', createtime: expect.any(Number) })
  })

  it('pages follow_user with next_cursor, like WeCom past 500', async () => {
    const paged = await startSandbox({ followUserPageSize: 1 })
    try {
      const token = await wecomToken(paged)
      const get = (cursor?: string) => getJson(`${paged.wecomBaseUrl}/cgi-bin/externalcontact/get?${new URLSearchParams({ access_token: token, external_userid: 'wmDemoWuTing05', ...(cursor && { cursor }) })}`)
      const first = await get()
      expect(first.follow_user.map((f: { userid: string }) => f.userid)).toEqual(['lina'])
      const second = await get(first.next_cursor)
      expect(second.follow_user.map((f: { userid: string }) => f.userid)).toEqual(['zhangwei'])
      expect(second.next_cursor).toBeUndefined()
    }
    finally {
      await paged.close()
    }
  })

  it('answers an errcode fault with WeCom\'s errmsg for it', async () => {
    sandbox.faults.set('wecom.externalcontact', { kind: 'errcode', errcode: 60020 }, { times: 1 })
    const body = await wecomGet('/cgi-bin/externalcontact/get', { access_token: await wecomToken(sandbox), external_userid: 'wmDemoWuTing05' })
    expect(body).toEqual({ errcode: 60020, errmsg: expect.stringContaining('from ip: ') })
  })

  it('answers 84061 for an unknown external_userid', async () => {
    const body = await wecomGet('/cgi-bin/externalcontact/get', { access_token: await wecomToken(sandbox), external_userid: 'wmNobody' })
    expect(body.errcode).toBe(84061)
  })

  it('records each call with the errcode it answered', async () => {
    await wecomGet('/cgi-bin/externalcontact/get', { access_token: 'bad', external_userid: 'wmDemoWuTing05' })
    expect(sandbox.records.count('wecom.externalcontact')).toBe(1)
    expect(sandbox.records.requests.at(-1)).toMatchObject({ method: 'GET', endpoint: 'wecom.externalcontact', status: 200, code: 40014 })
  })
})
