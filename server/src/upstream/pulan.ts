import type { AddFollowRequest, CreateBusinessRequest } from '@app/shared'
import type { PulanConfig } from '../config'
import type { UpstreamMetrics } from '../metrics/metrics'
import type { KeyValueStore } from '../store/store'
import type { FetchedToken } from './token-cache'
import { Opportunity, PulanResult, UploadedFile } from '@app/shared'
import { z } from 'zod'
import { createHttpClient, retryWhileBusy } from './http'
import { createTokenCache } from './token-cache'
import { retryAfterSeconds, UpstreamError } from './upstream-error'

const TOKEN_INVALID = 401
const RATE_LIMITED = 429
const NOT_FOUND = 404

const Token = z.object({ accessToken: z.string().min(1), expiresIn: z.number().positive() })
const PulanUser = z.object({ userId: z.number().int().positive(), name: z.string() })
export type PulanUser = z.infer<typeof PulanUser>
const PulanCustomer = z.object({
  customerId: z.number().int().positive(),
  name: z.string(),
  avatar: z.string().optional(),
  corpName: z.string().optional(),
  followUserIds: z.array(z.string()).default([]),
})
export type PulanCustomer = z.infer<typeof PulanCustomer>

export interface UploadInput { buffer: Buffer, fileName: string, mimeType: string }

export type PulanClient = ReturnType<typeof createPulanClient>

export function createPulanClient(config: PulanConfig, store: KeyValueStore, timeoutMs: number, maxRateLimitRetries = 2, metrics?: UpstreamMetrics) {
  const http = createHttpClient('pulan', config.baseUrl, timeoutMs, metrics)

  function envelopeOf(response: { status: number, data: unknown, headers: Record<string, unknown> }, mayHaveArrived: boolean): PulanResult {
    if (response.status === 401)
      return { code: TOKEN_INVALID, msg: 'unauthorized' }
    if (response.status === 429)
      return { code: RATE_LIMITED, msg: 'too many requests' }
    if (response.status >= 500)
      throw new UpstreamError('pulan', 'bad-status', mayHaveArrived, { status: response.status })
    const body = z.safeParse(PulanResult, response.data)
    if (!body.success)
      throw new UpstreamError('pulan', 'malformed', mayHaveArrived, { status: response.status })
    return body.data
  }

  const busyError = (response: { headers: Record<string, unknown> }) =>
    new UpstreamError('pulan', 'rate-limited', false, { code: RATE_LIMITED, retryAfterSeconds: retryAfterSeconds(response.headers['retry-after']) })

  const accessToken = createTokenCache({
    store,
    upstream: 'pulan',
    key: `pulan:${config.appKey}:access_token`,
    onRefresh: outcome => metrics?.tokenRefreshes.inc({ upstream: 'pulan', token: 'access_token', outcome }),
    // The token endpoint backs off on 429 like every other call, so one rate-limited answer heals.
    fetch: () => retryWhileBusy<FetchedToken>(maxRateLimitRetries, async () => {
      const response = await http.send({ method: 'GET', url: config.paths.token, params: { appKey: config.appKey, appSecret: config.appSecret } })
      const body = envelopeOf(response, false)
      if (body.code === RATE_LIMITED)
        return { busy: busyError(response) }
      const token = Token.safeParse(body.data)
      if (body.code !== 0 || !token.success)
        throw new UpstreamError('pulan', 'rejected', false, { code: body.code, msg: body.msg })
      return { answer: { value: token.data.accessToken, expiresInSeconds: token.data.expiresIn } }
    }),
  })

  /** One call with the cached token: refreshes the token once on 401, backs off on 429, fails on anything else. */
  async function call(request: { method: 'GET' | 'POST', url: string, params?: object, data?: unknown }, writes = false): Promise<PulanResult> {
    let refreshed = false
    return retryWhileBusy<PulanResult>(maxRateLimitRetries, async () => {
      for (;;) {
        const token = await accessToken.get()
        const response = await http.send({ ...request, headers: { Authorization: `Bearer ${token}` } })
        const body = envelopeOf(response, writes)
        if (body.code === TOKEN_INVALID && !refreshed) {
          refreshed = true
          await accessToken.invalidate(token)
          continue
        }
        return body.code === RATE_LIMITED ? { busy: busyError(response) } : { answer: body }
      }
    })
  }

  const rejected = (body: PulanResult) => new UpstreamError('pulan', 'rejected', false, { code: body.code, msg: body.msg })

  /** The envelope's `data` in the expected shape; a non-zero code is a rejection, another shape is malformed. */
  function dataOf<T>(body: PulanResult, schema: z.core.$ZodType<T>): T {
    if (body.code !== 0)
      throw rejected(body)
    const data = z.safeParse(schema, body.data)
    if (!data.success)
      throw new UpstreamError('pulan', 'malformed', false)
    return data.data
  }

  async function lookup<T>(schema: z.core.$ZodType<T>, url: string, params: object): Promise<T | null> {
    const body = await call({ method: 'GET', url, params })
    return body.code === NOT_FOUND ? null : dataOf(body, schema)
  }

  return {
    getUserByWecomUserId: (wecomUserId: string) => lookup(PulanUser, config.paths.user, { wecomUserId }),
    getCustomer: (externalUserId: string) => lookup(PulanCustomer, config.paths.customer, { externalUserId }),
    listOpportunities: async (customerId: number) =>
      (await lookup(z.array(Opportunity), config.paths.opportunities, { customerId })) ?? [],

    async uploadFile(file: UploadInput) {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(file.buffer)], { type: file.mimeType }), file.fileName)
      return dataOf(await call({ method: 'POST', url: config.paths.upload, data: form }), UploadedFile)
    },

    /** Posts the follow-up; resolves on code 0, throws UpstreamError otherwise (mayHaveArrived when it may exist). */
    async addFollow(request: AddFollowRequest): Promise<void> {
      const body = await call({ method: 'POST', url: config.paths.addFollow, data: request }, true)
      if (body.code !== 0)
        throw rejected(body)
    },

    /** Creates an opportunity; 谱蓝云 answers no id, so the caller lists the customer's opportunities again. */
    async createBusiness(request: CreateBusinessRequest): Promise<void> {
      const body = await call({ method: 'POST', url: config.paths.createBusiness, data: request }, true)
      if (body.code !== 0)
        throw rejected(body)
    },
  }
}
