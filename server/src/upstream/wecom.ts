import type { WecomConfig } from '../config'
import type { UpstreamMetrics } from '../metrics/metrics'
import type { KeyValueStore } from '../store/store'
import { z } from 'zod'
import { createHttpClient, retryWhileBusy } from './http'
import { createTokenCache } from './token-cache'
import { retryAfterSeconds, UpstreamError } from './upstream-error'
import { wecomGroupCalls } from './wecom-groups'

const Envelope = z.object({ errcode: z.number().int().default(0), errmsg: z.string().default('') }).loose()
type Envelope = z.infer<typeof Envelope>

const TOKEN_INVALID = new Set([40014, 42001])
/** System busy (-1) and too frequent (45009, 45033, 45011): back off and try again, a bounded number of times. */
const RETRY_LATER = new Set([-1, 45009, 45033, 45011])
export const WECOM_INVALID_CODE = 40029
export const WECOM_NOT_EXTERNAL_CONTACT = 84061
/** `follow_user` comes in pages of 500; a customer followed by more than this many pages is cut off, not looped on. */
const MAX_FOLLOW_USER_PAGES = 20
/** A ticket reported bad is fetched again at most this often, across every instance (tickets are rate-limited per hour). */
const TICKET_REFRESH_INTERVAL_MS = 60_000

export interface ExternalContact {
  externalUserId: string
  name: string
  avatar?: string
  corpName?: string
  followUserIds: string[]
}

export type WecomClient = ReturnType<typeof createWecomClient>
export type TicketKind = 'jsapi' | 'agent'
export type CodeOwner = { kind: 'member', userId: string } | { kind: 'not-member' } | { kind: 'invalid-code' }

export function createWecomClient(config: WecomConfig, store: KeyValueStore, timeoutMs: number, maxRateLimitRetries = 2, metrics?: UpstreamMetrics) {
  const http = createHttpClient('wecom', config.apiBase, timeoutMs, metrics)
  const counted = (token: string) => (outcome: 'ok' | 'failed') => metrics?.tokenRefreshes.inc({ upstream: 'wecom', token, outcome })
  const prefix = `wecom:${config.corpId}:${config.agentId}`

  /** GET, or POST with a JSON body when one is given (groupchat/get). */
  async function get(path: string, params: Record<string, string>, json?: object): Promise<Envelope> {
    return retryWhileBusy<Envelope>(maxRateLimitRetries, async () => {
      const response = await http.send(json ? { method: 'POST', url: path, params, data: json } : { method: 'GET', url: path, params })
      if (response.status === 429 || response.status >= 500)
        throw new UpstreamError('wecom', response.status === 429 ? 'rate-limited' : 'bad-status', false, { status: response.status, retryAfterSeconds: retryAfterSeconds(response.headers['retry-after']) })
      const body = Envelope.safeParse(response.data)
      if (!body.success)
        throw new UpstreamError('wecom', 'malformed', false, { status: response.status })
      if (RETRY_LATER.has(body.data.errcode))
        return { busy: new UpstreamError('wecom', 'rate-limited', false, { code: body.data.errcode, retryAfterSeconds: retryAfterSeconds(response.headers['retry-after']) }) }
      return { answer: body.data }
    })
  }

  const reject = (body: Envelope) => new UpstreamError('wecom', 'rejected', false, { code: body.errcode, msg: body.errmsg })

  const accessToken = createTokenCache({
    store,
    upstream: 'wecom',
    key: `${prefix}:access_token`,
    onRefresh: counted('access_token'),
    fetch: async () => {
      const body = await get('/cgi-bin/gettoken', { corpid: config.corpId, corpsecret: config.secret })
      if (body.errcode !== 0 || typeof body.access_token !== 'string')
        throw reject(body)
      return { value: body.access_token, expiresInSeconds: Number(body.expires_in) || 7200 }
    },
  })

  /** Calls with the cached token; on 40014/42001 fetches a new token once and retries once. */
  async function withToken(path: string, params: Record<string, string>, data?: object): Promise<Envelope> {
    for (let attempt = 0; ; attempt++) {
      const token = await accessToken.get()
      const body = await get(path, { ...params, access_token: token }, data)
      if (!TOKEN_INVALID.has(body.errcode) || attempt > 0)
        return body
      await accessToken.invalidate(token)
    }
  }

  const ticket = (name: string, path: string, params: Record<string, string>) => createTokenCache({
    store,
    upstream: 'wecom',
    key: `${prefix}:${name}`,
    onRefresh: counted(name),
    fetch: async () => {
      const body = await withToken(path, params)
      if (body.errcode !== 0 || typeof body.ticket !== 'string')
        throw reject(body)
      return { value: body.ticket, expiresInSeconds: Number(body.expires_in) || 7200 }
    },
  })
  const tickets = {
    jsapi: ticket('jsapi_ticket', '/cgi-bin/get_jsapi_ticket', {}),
    agent: ticket('agent_ticket', '/cgi-bin/ticket/get', { type: 'agent_config' }),
  }

  return {
    getJsapiTicket: () => tickets.jsapi.get(),
    getAgentTicket: () => tickets.agent.get(),
    ...wecomGroupCalls(withToken, reject),

    /**
     * A page reported that the client rejected a signature made with this ticket: drop it and fetch a new one, at
     * most once a minute across the cluster. True when this call refreshed it.
     */
    async refreshTicket(kind: TicketKind): Promise<boolean> {
      if (!(await store.setIfAbsent(`${prefix}:${kind}_ticket:refreshed`, String(Date.now()), TICKET_REFRESH_INTERVAL_MS)))
        return false
      await tickets[kind].forget()
      await tickets[kind].get()
      return true
    },

    /** OAuth2 code -> who signed in: a corp member's userid, someone outside the corp, or an invalid/used code. */
    async signInByCode(code: string): Promise<CodeOwner> {
      const body = await withToken('/cgi-bin/auth/getuserinfo', { code })
      if (body.errcode === WECOM_INVALID_CODE)
        return { kind: 'invalid-code' }
      if (body.errcode !== 0)
        throw reject(body)
      const userId = body.userid ?? body.UserId
      if (typeof userId === 'string' && userId)
        return { kind: 'member', userId }
      return typeof body.openid === 'string' || typeof body.external_userid === 'string' || typeof body.OpenId === 'string'
        ? { kind: 'not-member' }
        : { kind: 'invalid-code' }
    },

    /** The customer and who follows them; null when WeCom does not know them as an external contact. */
    async getExternalContact(externalUserId: string): Promise<ExternalContact | null> {
      let found: ExternalContact | null = null
      let cursor = ''
      for (let page = 0; page < MAX_FOLLOW_USER_PAGES; page++) {
        const body = await withToken('/cgi-bin/externalcontact/get', { external_userid: externalUserId, ...(cursor && { cursor }) })
        if (body.errcode === WECOM_NOT_EXTERNAL_CONTACT)
          return null
        if (body.errcode !== 0)
          throw reject(body)
        const parsed = ExternalContactBody.safeParse(body)
        if (!parsed.success)
          throw new UpstreamError('wecom', 'malformed', false)
        const { external_contact: contact, follow_user: followUsers, next_cursor: next } = parsed.data
        found ??= { externalUserId: contact.external_userid, name: contact.name, avatar: contact.avatar, corpName: contact.corp_name, followUserIds: [] }
        found.followUserIds.push(...followUsers.map(user => user.userid))
        if (!next || next === cursor)
          break
        cursor = next
      }
      return found
    },
  }
}

const ExternalContactBody = z.object({
  external_contact: z.object({
    external_userid: z.string(),
    name: z.string(),
    avatar: z.string().optional(),
    corp_name: z.string().optional(),
  }),
  follow_user: z.array(z.object({ userid: z.string() })).default([]),
  next_cursor: z.string().optional(),
})
