import type { Sandbox } from '../../src/sandbox/index'

/** Small fetch helpers for the sandbox's own tests. */
export async function getJson(url: string, init?: RequestInit): Promise<any> {
  const response = await fetch(url, init)
  return response.json()
}

export async function pulanToken(sandbox: Sandbox): Promise<string> {
  const { appKey, appSecret } = sandbox.credentials
  const body = await getJson(`${sandbox.pulanBaseUrl}/open-api/auth/access-token?${new URLSearchParams({ appKey, appSecret })}`)
  return body.data.accessToken
}

export async function wecomToken(sandbox: Sandbox): Promise<string> {
  const { corpId, corpSecret } = sandbox.credentials
  const body = await getJson(`${sandbox.wecomBaseUrl}/cgi-bin/gettoken?${new URLSearchParams({ corpid: corpId, corpsecret: corpSecret })}`)
  return body.access_token
}

export function pulanGet(sandbox: Sandbox, token: string | null, path: string): Promise<any> {
  return getJson(`${sandbox.pulanBaseUrl}${path}`, token === null ? {} : { headers: { Authorization: `Bearer ${token}` } })
}

export function postFollow(sandbox: Sandbox, token: string, body: unknown): Promise<any> {
  return getJson(`${sandbox.pulanBaseUrl}/open-api/customer/biz-submit/add-follow`, {
    method: 'POST',
    headers: { 'Authorization': `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}
