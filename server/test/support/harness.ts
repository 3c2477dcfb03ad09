import type { Writable } from 'node:stream'
import type { UploadLimits } from '../../src/features/files/upload-slots'
import type { Sandbox, SandboxOptions } from '../../src/sandbox'
import type { RunningServer } from '../../src/server'
import type { KeyValueStore } from '../../src/store/store'
import { loadSettings } from '../../src/config'
import { createLogger } from '../../src/logger'
import { startSandbox } from '../../src/sandbox'
import { startServer } from '../../src/server'

export const TEST_PUBLIC_URL = 'http://localhost:3000'
export const TEST_SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789'

export interface TestServer extends RunningServer {
  sandbox: Sandbox
  /** Every log line the server wrote, for the "no secret in any log line" checks. */
  logLines: string[]
  api: (path: string, init?: ApiInit) => Promise<ApiResponse>
  login: (wecomUserId?: string) => Promise<string>
}

export interface ApiInit { method?: string, body?: unknown, cookie?: string, headers?: Record<string, string>, form?: FormData }
export interface ApiResponse { status: number, headers: Headers, body: any }

/** The real server with the real clients, talking over loopback HTTP to a sandbox the test can inspect and fault. */
export async function startTestServer(options: { sandbox?: SandboxOptions, env?: Record<string, string>, store?: KeyValueStore, webDistDir?: string, uploadLimits?: UploadLimits } = {}): Promise<TestServer> {
  const sandbox = await startSandbox(options.sandbox)
  const settings = loadSettings({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    SANDBOX: '1',
    PUBLIC_URL: TEST_PUBLIC_URL,
    SESSION_SECRET: TEST_SESSION_SECRET,
    UPSTREAM_TIMEOUT_MS: '1500',
    ...options.env,
  })
  if (options.webDistDir)
    settings.webDistDir = options.webDistDir
  const logLines: string[] = []
  const sink = { write: (line: string) => logLines.push(line) } as unknown as Writable
  const logger = createLogger('debug', sink)
  const running = await startServer(settings, { sandbox, logger, ...(options.store && { store: options.store }), ...(options.uploadLimits && { uploadLimits: options.uploadLimits }) })

  const api = async (path: string, init: ApiInit = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...init.headers }
    if (init.cookie)
      headers.cookie = init.cookie
    let body: BodyInit | undefined
    if (init.form) {
      body = init.form
    }
    else if (init.body !== undefined) {
      headers['content-type'] ??= 'application/json'
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
    }
    return readResponse(await fetch(`${running.url}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' }))
  }

  return {
    ...running,
    sandbox,
    logLines,
    api,
    login: (wecomUserId = 'zhangwei') => signIn(running.url, wecomUserId),
    async close() {
      await running.close()
      await sandbox.close()
    },
  }
}

/** Status, headers and the body as JSON when it is JSON, else as text. */
export async function readResponse(response: Response): Promise<ApiResponse> {
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  }
  catch {}
  return { status: response.status, headers: response.headers, body: parsed }
}

/** A started sign-in: the callback path to finish on and the cookie that binds it to the browser that started it. */
export interface StartedSignIn { path: string, cookie: string }

/** Walks the real OAuth2 flow up to (not including) our callback: /auth/login -> the sandbox's authorize page -> pick a person. */
export async function authorizeAt(baseUrl: string, wecomUserId = 'zhangwei', returnTo = '/'): Promise<StartedSignIn> {
  const login = await fetch(`${baseUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`, { redirect: 'manual' })
  const authorizeUrl = login.headers.get('location')
  const cookie = login.headers.getSetCookie().find(c => c.startsWith('fu_signin='))?.split(';')[0]
  if (login.status !== 302 || !authorizeUrl || !cookie)
    throw new Error(`login did not redirect: ${login.status}`)
  const page = await (await fetch(authorizeUrl)).text()
  const chosen = await fetch(new URL(pickLink(page, wecomUserId), authorizeUrl), { redirect: 'manual' })
  const callback = new URL(chosen.headers.get('location') ?? '')
  return { path: `${callback.pathname}${callback.search}`, cookie }
}

/** Walks the real OAuth2 flow: our /auth/login -> the sandbox's authorize page -> pick a person -> our callback. */
export async function signIn(baseUrl: string, wecomUserId: string, returnTo = '/'): Promise<string> {
  const started = await authorizeAt(baseUrl, wecomUserId, returnTo)
  const done = await fetch(`${baseUrl}${started.path}`, { redirect: 'manual', headers: { cookie: started.cookie } })
  const cookie = done.headers.getSetCookie().find(c => c.startsWith('fu_session='))
  if (done.status !== 302 || !cookie)
    throw new Error(`callback did not sign in: ${done.status}`)
  return cookie.split(';')[0]!
}

export function pickLink(page: string, wecomUserId: string): string {
  const anchor = [...page.matchAll(/<a\b[^>]*>/g)].map(m => m[0]).find(tag => tag.includes(`data-userid="${wecomUserId}"`))
  const href = anchor?.match(/href="([^"]+)"/)?.[1]
  if (!href)
    throw new Error(`no sign-in link for ${wecomUserId}`)
  return href.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&')
}
