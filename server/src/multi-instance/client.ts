import { pickLink } from '../test/harness'

/** Starts the OAuth2 flow on one instance and picks the salesperson on the sandbox's page: the callback path to finish on. */
export async function authorizeAt(loginBase: string, wecomUserId = 'zhangwei'): Promise<string> {
  const login = await fetch(`${loginBase}/auth/login?returnTo=%2F`, { redirect: 'manual' })
  const authorizeUrl = login.headers.get('location')
  if (login.status !== 302 || !authorizeUrl)
    throw new Error(`login did not redirect: ${login.status}`)
  const page = await (await fetch(authorizeUrl)).text()
  const chosen = await fetch(new URL(pickLink(page, wecomUserId), authorizeUrl), { redirect: 'manual' })
  const callback = new URL(chosen.headers.get('location') ?? '')
  return `${callback.pathname}${callback.search}`
}

export function sessionCookieOf(response: Response) {
  return response.headers.getSetCookie().find(c => c.startsWith('fu_session='))?.split(';')[0]
}

/**
 * Login on one instance, callback on another, as a load balancer may route it: this only works when the OAuth state
 * is in the shared store.
 */
export async function signInAcross(loginBase: string, callbackBase: string, wecomUserId = 'zhangwei'): Promise<string> {
  const done = await fetch(`${callbackBase}${await authorizeAt(loginBase, wecomUserId)}`, { redirect: 'manual' })
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
