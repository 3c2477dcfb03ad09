import type { Sandbox } from '../../src/sandbox'
import type { ApiResponse, StartedSignIn, TestServer } from '../support/harness'
import { recordUpload } from '../../src/features/files/file-records'
import { PNG_1PX } from '../support/file-samples'
import { authorizeAt, TEST_PUBLIC_URL } from '../support/harness'
import { fullSubmission, newKey } from '../support/submission'

export type UploadedFile = Parameters<typeof fullSubmission>[0]

export interface DriverContext { server: TestServer, cookie: string, file: UploadedFile }

/** The endpoint a test drives to make the server call one upstream endpoint. */
export interface Driver {
  name: string
  /** The status a healthy upstream gives. */
  okStatus: number
  /** Whether the client gets the HTML sign-in error page rather than JSON. */
  html?: boolean
  /** Drivers of an upstream write: how many records the sandbox has accepted of it so far. */
  writes?: (sandbox: Sandbox) => number
  /** Does what must happen before the fault is set (e.g. walk to the OAuth callback) and returns the request. */
  prepare: (ctx: DriverContext) => Promise<(idempotencyKey?: string) => Promise<ApiResponse>>
}

export function smallPng(): FormData {
  const form = new FormData()
  form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), '现场.png')
  return form
}

/** Walks the real OAuth2 flow up to (not including) our callback: its path and query, and the sign-in cookie. */
export function callbackPath(server: TestServer, wecomUserId = 'zhangwei'): Promise<StartedSignIn> {
  return authorizeAt(server.url, wecomUserId)
}

export const DRIVERS = {
  jssdk: {
    name: 'POST /api/jssdk/config',
    okStatus: 200,
    prepare: async ({ server, cookie }) => () =>
      server.api('/api/jssdk/config', { body: { url: `${TEST_PUBLIC_URL}/?customer=wmDemoChenJing01#x` }, cookie }),
  },
  context: {
    name: 'GET /api/customers/:id/context',
    okStatus: 200,
    prepare: async ({ server, cookie }) => () => server.api('/api/customers/wmDemoChenJing01/context', { cookie }),
  },
  group: {
    name: 'GET /api/groups/:chatId',
    okStatus: 200,
    prepare: async ({ server, cookie }) => () => server.api('/api/groups/wrDemoGroupMany01', { cookie }),
  },
  upload: {
    name: 'POST /api/files',
    okStatus: 201,
    prepare: async ({ server, cookie }) => () => server.api('/api/files', { method: 'POST', form: smallPng(), cookie }),
  },
  submit: {
    name: 'POST /api/follow-ups',
    okStatus: 201,
    writes: sandbox => sandbox.records.addFollows.length,
    // The matrix flushes the store between cases; the upload (made once, by this salesperson) is recorded again,
    // as a follow-up attaches only recorded uploads, without a fresh upload's token fetch.
    prepare: async ({ server, cookie, file }) => {
      await recordUpload(server.deps.store, 'zhangwei', file)
      return (key = newKey()) => server.api('/api/follow-ups', { body: fullSubmission(file), cookie, headers: { 'Idempotency-Key': key } })
    },
  },
  create: {
    name: 'POST /api/opportunities',
    okStatus: 201,
    writes: sandbox => sandbox.records.createBusinesses.length,
    prepare: async ({ server, cookie }) => (key = newKey()) =>
      server.api('/api/opportunities', { body: { externalUserId: 'wmDemoZhouMin03', lineId: 1, processId: 11 }, cookie, headers: { 'Idempotency-Key': key } }),
  },
  callback: {
    name: 'GET /auth/callback',
    okStatus: 302,
    html: true,
    prepare: async ({ server }) => {
      const { path, cookie } = await callbackPath(server)
      return () => server.api(path, { cookie })
    },
  },
} satisfies Record<string, Driver>
