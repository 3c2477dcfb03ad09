import type { ApiResponse } from '../support/harness'
import { expect } from 'vitest'

/** Traces of internals that must never reach a client: stack frames, source paths, module folders. */
export const INTERNALS = [/\bat \S+ \(/, /\.ts:\d+/, /\.js:\d+/, /node_modules/, /\/work\//, /\bError: /, /stack/i]

export function expectNoInternals(response: ApiResponse) {
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body)
  for (const pattern of INTERNALS)
    expect(text, `response leaks ${pattern}`).not.toMatch(pattern)
}

/** `{ error: { code, message } }` with a stable code and a Chinese message, and nothing internal. */
export function expectErrorShape(response: ApiResponse, code?: string) {
  expect(response.headers.get('content-type')).toMatch(/application\/json/)
  expect(response.body).toEqual({ error: expect.objectContaining({ code: expect.stringMatching(/^[A-Z_]+$/), message: expect.stringMatching(/[\u4E00-\u9FFF]/) }) })
  expect(Object.keys(response.body.error).sort()).toEqual(expect.arrayContaining(['code', 'message']))
  for (const key of Object.keys(response.body.error))
    expect(['code', 'message', 'fieldErrors', 'requestId']).toContain(key)
  if (code)
    expect(response.body.error.code).toBe(code)
  expectNoInternals(response)
}

/** The sign-in error page: HTML, Chinese, nothing internal. */
export function expectErrorPage(response: ApiResponse) {
  expect(response.headers.get('content-type')).toMatch(/text\/html/)
  expect(response.body).toMatch(/[\u4E00-\u9FFF]/)
  expect(response.headers.getSetCookie().filter(c => c.startsWith('fu_session='))).toEqual([])
  expectNoInternals(response)
}

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** Waits until `read()` stops changing for `quietMs` (delayed upstream requests have landed), then returns it. */
export async function settled<T>(read: () => T, quietMs = 300, maxMs = 3000): Promise<T> {
  const started = Date.now()
  let last = JSON.stringify(read())
  let since = Date.now()
  while (Date.now() - started < maxMs) {
    await sleep(50)
    const now = JSON.stringify(read())
    if (now !== last) {
      last = now
      since = Date.now()
    }
    else if (Date.now() - since >= quietMs) {
      break
    }
  }
  return read()
}
