import type { Sandbox } from './index'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getJson, pulanGet, pulanToken } from '../../test/support/sandbox-client'
import { DEMO_CUSTOMERS } from './demo-data'
import { startSandbox } from './index'

/** A baseline or progressive JPEG's size, from its start-of-frame segment (null when it is no JPEG). */
function jpegSize(bytes: Uint8Array): { width: number, height: number } | null {
  if (bytes[0] !== 0xFF || bytes[1] !== 0xD8)
    return null
  for (let at = 2; at + 9 < bytes.length;) {
    const marker = bytes[at + 1]!
    if (marker === 0xC0 || marker === 0xC2)
      return { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! }
    at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!)
  }
  return null
}

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const TOKEN_INVALID = { code: 401, msg: 'access_token 无效或已过期' }

describe('谱蓝云 token', () => {
  it('issues an access token for the right appKey and appSecret', async () => {
    const { appKey, appSecret } = sandbox.credentials
    const body = await getJson(`${sandbox.pulanBaseUrl}/open-api/auth/access-token?${new URLSearchParams({ appKey, appSecret })}`)
    expect(body).toMatchObject({ code: 0, data: { accessToken: expect.any(String), expiresIn: 7200 } })
  })

  it('refuses a wrong appSecret with code 40001', async () => {
    const query = new URLSearchParams({ appKey: sandbox.credentials.appKey, appSecret: 'wrong' })
    const body = await getJson(`${sandbox.pulanBaseUrl}/open-api/auth/access-token?${query}`)
    expect(body).toMatchObject({ code: 40001, msg: expect.stringContaining('appSecret') })
    expect(body.data).toBeUndefined()
  })

  it.each<[string, (s: Sandbox) => Promise<string | null>]>([
    ['no token', async () => null],
    ['an unknown token', async () => 'pulan-not-issued'],
    ['an expired token', async (s) => {
      const token = await pulanToken(s)
      s.expireTokens()
      return token
    }],
  ])('answers code 401 to %s', async (_name, tokenOf) => {
    expect(await pulanGet(sandbox, await tokenOf(sandbox), '/open-api/org/user/by-wecom-userid?wecomUserId=zhangwei')).toEqual(TOKEN_INVALID)
  })

  it('lets a token expire after tokenTtlSeconds', async () => {
    const shortLived = await startSandbox({ tokenTtlSeconds: 0.2 })
    try {
      const token = await pulanToken(shortLived)
      expect((await pulanGet(shortLived, token, '/open-api/org/user/by-wecom-userid?wecomUserId=lina')).code).toBe(0)
      await new Promise(resolve => setTimeout(resolve, 300))
      expect(await pulanGet(shortLived, token, '/open-api/org/user/by-wecom-userid?wecomUserId=lina')).toEqual(TOKEN_INVALID)
    }
    finally {
      await shortLived.close()
    }
  })
})

describe('谱蓝云 lookups', () => {
  let token: string
  beforeEach(async () => {
    token = await pulanToken(sandbox)
  })

  it.each([
    ['zhangwei', { code: 0, msg: 'success', data: { userId: 101, name: '张伟' } }],
    ['nobody', { code: 404, msg: '用户不存在' }],
  ])('maps WeCom user %s to its 谱蓝云 user', async (wecomUserId, expected) => {
    expect(await pulanGet(sandbox, token, `/open-api/org/user/by-wecom-userid?wecomUserId=${wecomUserId}`)).toEqual(expected)
  })

  it('returns a customer profile with its followers and a sandbox-served avatar', async () => {
    const body = await pulanGet(sandbox, token, '/open-api/customer/info?externalUserId=wmDemoWuTing05')
    expect(body.data).toEqual({
      customerId: 2005,
      name: '吴婷',
      corpName: '南京青禾医疗器械有限公司',
      avatar: `${sandbox.pulanBaseUrl}/avatars/wmDemoWuTing05.jpg`,
      followUserIds: ['lina', 'zhangwei'],
    })
    const avatar = await fetch(body.data.avatar)
    expect(avatar.headers.get('content-type')).toBe('image/jpeg')
    expect(jpegSize(new Uint8Array(await avatar.arrayBuffer()))).toEqual({ width: 96, height: 96 })
  })

  it('serves every demo customer an avatar of its own, as WeCom does (a square JPEG), and 404 for anyone else', async () => {
    const images = new Set<string>()
    for (const customer of DEMO_CUSTOMERS) {
      const response = await fetch(`${sandbox.pulanBaseUrl}/avatars/${customer.externalUserId}.jpg`)
      expect(response.status).toBe(200)
      const bytes = new Uint8Array(await response.arrayBuffer())
      expect(jpegSize(bytes)).toEqual({ width: 96, height: 96 })
      images.add(Buffer.from(bytes).toString('base64'))
    }
    expect(images.size).toBe(DEMO_CUSTOMERS.length)
    expect((await fetch(`${sandbox.pulanBaseUrl}/avatars/wmNobody.jpg`)).status).toBe(404)
    expect((await fetch(`${sandbox.pulanBaseUrl}/avatars/wmDemoWuTing05.svg`)).status).toBe(404)
  })

  it('answers 404 for an unknown customer', async () => {
    expect((await pulanGet(sandbox, token, '/open-api/customer/info?externalUserId=wmNobody')).code).toBe(404)
  })

  it.each([
    [2001, [1001]],
    [2002, [10, 1002, 1003]],
    [2003, []],
  ])('lists the opportunities of customer %i', async (customerId, businessIds) => {
    const body = await pulanGet(sandbox, token, `/open-api/customer/biz-submit/list?customerId=${customerId}`)
    expect(body.code).toBe(0)
    expect(body.data.map((o: { businessId: number }) => o.businessId)).toEqual(businessIds)
    for (const opportunity of body.data)
      expect(opportunity.customerId).toBeUndefined()
  })
})

describe('谱蓝云 file upload', () => {
  const upload = async (token: string, bytes: Uint8Array<ArrayBuffer>, name: string) => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name)
    return getJson(`${sandbox.pulanBaseUrl}/open-api/file/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })
  }

  it('stores a file and serves its bytes back at fileUrl', async () => {
    const bytes = new TextEncoder().encode('png bytes')
    const body = await upload(await pulanToken(sandbox), bytes, '现场照片.png')
    expect(body).toMatchObject({ code: 0, data: { fileId: expect.any(Number), fileName: '现场照片.png', fileSize: bytes.length } })
    expect(body.data.fileUrl).toBe(`${sandbox.pulanBaseUrl}/files/${body.data.fileId}`)
    const served = await fetch(body.data.fileUrl)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes)
  })

  it('refuses a file over 20 MB with a non-zero code', async () => {
    const body = await upload(await pulanToken(sandbox), new Uint8Array(20 * 1024 * 1024 + 1), 'big.png')
    expect(body).toEqual({ code: 413, msg: '文件不能超过 20 MB' })
  })

  it('refuses an upload without a token', async () => {
    expect(await upload('nope', new Uint8Array(3), 'a.png')).toEqual(TOKEN_INVALID)
  })
})
