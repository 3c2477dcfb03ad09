import type { ApiResponse, TestServer } from '../support/harness'
import type { UploadedFile } from './drivers'
import { createHmac } from 'node:crypto'
import { readResponse, TEST_SESSION_SECRET } from '../support/harness'

export interface BadRequestContext { server: TestServer, cookie: string, file: UploadedFile }

/** One hostile or broken request and the 4xx it must get (JSON error shape, or the HTML page on /auth). */
export interface BadRequest {
  endpoint: string
  name: string
  status: number
  code?: string
  html?: boolean
  send: (ctx: BadRequestContext) => Promise<ApiResponse>
}

export interface RawInit { method?: string, cookie?: string, headers?: Record<string, string>, body?: string | Uint8Array }

/** Sends bytes exactly as given: broken JSON, invalid UTF-8, wrong content types. */
export async function raw(server: TestServer, path: string, init: RawInit = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...init.headers }
  if (init.cookie)
    headers.cookie = init.cookie
  const body = typeof init.body === 'string' ? init.body : init.body && new Uint8Array(init.body)
  return readResponse(await fetch(`${server.url}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' }))
}

export const json = { 'content-type': 'application/json' }

/** A session cookie signed the way cookie-parser signs, with any payload and secret. */
export function sessionCookie(payload: unknown, secret = TEST_SESSION_SECRET): string {
  const value = Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)).toString('base64url')
  const signature = createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '')
  return `fu_session=${encodeURIComponent(`s:${value}.${signature}`)}`
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600
export const FORGED_SESSIONS = {
  'signed with another secret': () => sessionCookie({ wecomUserId: 'lina', pulanUserId: 102, name: '李娜', exp: inAnHour() }, 'another-secret-another-secret-another'),
  'unsigned': () => `fu_session=${Buffer.from(JSON.stringify({ wecomUserId: 'lina', pulanUserId: 102, name: '李娜', exp: inAnHour() })).toString('base64url')}`,
  'expired (correctly signed)': () => sessionCookie({ wecomUserId: 'zhangwei', pulanUserId: 101, name: '张伟', exp: Math.floor(Date.now() / 1000) - 1 }),
  'with a wrong-typed user (correctly signed)': () => sessionCookie({ wecomUserId: 'zhangwei', pulanUserId: '101', name: '张伟', exp: inAnHour() }),
  'with a payload that is not JSON (correctly signed)': () => sessionCookie('not json at all'),
  'that is garbage': () => 'fu_session=s%3Aabc.def',
  'that is huge': () => `fu_session=s%3A${'A'.repeat(6000)}.sig`,
  'with the signature cut off': () => sessionCookie({ wecomUserId: 'zhangwei', pulanUserId: 101, name: '张伟', exp: inAnHour() }).replace(/\.[^.]*$/, ''),
} as const

/** A JSON text nested `depth` levels deep, built without recursion. */
export function deeplyNested(depth: number, open = '{"a":', close = '}', leaf = '1'): string {
  return `${open.repeat(depth)}${leaf}${close.repeat(depth)}`
}

/** Bytes that are not UTF-8 (a lone continuation byte and an invalid lead byte). */
export const INVALID_UTF8 = new Uint8Array([0x80, 0xFF, 0xC3, 0x28])

export function withInvalidUtf8(jsonText: string, marker: string): Uint8Array {
  const [before, after] = jsonText.split(marker) as [string, string]
  return new Uint8Array([...Buffer.from(before), ...INVALID_UTF8, ...Buffer.from(after)])
}
