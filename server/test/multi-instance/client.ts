import { authorizeAt } from '../support/harness'

export { authorizeAt }

export function sessionCookieOf(response: Response) {
  return response.headers.getSetCookie().find(c => c.startsWith('fu_session='))?.split(';')[0]
}

/**
 * Login on one instance, callback on another, as a load balancer may route it: this only works when the OAuth state
 * is in the shared store.
 */
export async function signInAcross(loginBase: string, callbackBase: string, wecomUserId = 'zhangwei'): Promise<string> {
  const started = await authorizeAt(loginBase, wecomUserId)
  const done = await fetch(`${callbackBase}${started.path}`, { redirect: 'manual', headers: { cookie: started.cookie } })
  const cookie = sessionCookieOf(done)
  if (done.status !== 302 || !cookie)
    throw new Error(`callback did not sign in: ${done.status} ${await done.text()}`)
  return cookie
}

export interface Answer { status: number, body: any, headers: Headers }

/** One JSON request; `body` is parsed when it is JSON. */
export async function call(base: string, path: string, init: { method?: string, body?: unknown, cookie?: string, headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers, ...(init.cookie && { cookie: init.cookie }) }
  if (init.body !== undefined)
    headers['content-type'] = 'application/json'
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: 'manual',
  })
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  }
  catch {}
  return { status: response.status, body, headers: response.headers }
}
