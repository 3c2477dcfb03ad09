import type { TestServer } from '../../../test/support/harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, TEST_PUBLIC_URL } from '../../../test/support/harness'
import { safeReturnTo } from './return-to'

// Each of these normalises (dot segments, encoded dots, repeated slashes) into a path that starts with `//`.
const DOT_SEGMENT_ESCAPES = [
  '/.//evil.example/x',
  '/..//evil.example/x',
  '/a/..//evil.example/x',
  '/a/b/../..//evil.example/x',
  '/%2e//evil.example/x',
  '/%2E%2E//evil.example/x',
  '/.%2e//evil.example/x',
  '/%2e%2E/%2e//evil.example',
  '/././/evil.example',
  '/.///evil.example',
  '/x/../%2F/evil.example',
  '/%2F%2Fevil.example',
  '/%5Cevil.example',
  '/%2e/%5Cevil.example',
]

describe('returnTo is judged on its normalised form', () => {
  it.each(DOT_SEGMENT_ESCAPES)('refuses %j', (value) => {
    expect(safeReturnTo(value, TEST_PUBLIC_URL)).toBeNull()
  })

  it.each([
    ['/', '/'],
    ['/?customer=wmDemoChenJing01', '/?customer=wmDemoChenJing01'],
    ['/recent/./x', '/recent/x'],
    ['/a/../recent', '/recent'],
    ['/recent?next=//evil.example', '/recent?next=//evil.example'],
  ])('keeps the same-origin path %j as %j', (value, expected) => {
    expect(safeReturnTo(value, TEST_PUBLIC_URL)).toBe(expected)
  })
})

describe('the sign-in never redirects off-site', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server.close())

  it.each(DOT_SEGMENT_ESCAPES)('answers 400 to /auth/login?returnTo=%j, with no Location', async (value) => {
    const response = await server.api(`/auth/login?returnTo=${encodeURIComponent(value)}`)
    expect(response.status).toBe(400)
    expect(response.headers.get('location')).toBeNull()
  })

  it.each(['/.//evil.example/x', '/%2e%2e//evil.example/x'])('a page request for %j without a session never leads to //host', async (path) => {
    const response = await server.api(path)
    const location = response.headers.get('location')
    if (location)
      expect(location).not.toMatch(/^\/\/|^\/\\|^https?:/)
  })
})
