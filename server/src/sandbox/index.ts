import type { ErrorRequestHandler, Router } from 'express'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FaultController } from './faults'
import type { SandboxRecords } from './records'
import { once } from 'node:events'
import { createServer } from 'node:http'
import express from 'express'
import { SANDBOX_BUSINESS_LINES_FILE, SANDBOX_TEMPLATES_FILE } from '../config'
import { loadBusinessLines } from '../features/opportunities/business-lines'
import { loadTemplates } from '../templates'
import { avatarRoutes } from './avatars'
import { controlRoutes } from './control-routes'
import { recordRequests } from './endpoint-middleware'
import { oauthRoutes } from './oauth-page'
import { pulanRoutes } from './pulan-routes'
import { SandboxState } from './state'
import { wecomGroupRoutes } from './wecom-group-routes'
import { wecomRoutes } from './wecom-routes'

export { type AcceptedFollow, ADD_FOLLOW_CODES } from './add-follow-validation'
export { type AcceptedCreateBusiness, CREATE_BUSINESS_CODES } from './create-business'
export { sandboxCustomersOf, sandboxGroupsList } from './customer-directory'
export * from './demo-data'
export * from './demo-groups'
export { ENDPOINT_NAMES, type EndpointName } from './endpoints'
export type { Fault, FaultController, FaultOptions } from './faults'
export type { RecordedRequest, SandboxRecords } from './records'

export interface SandboxOptions {
  host?: string
  pulanPort?: number
  wecomPort?: number
  /** Lifetime of WeCom tokens, both tickets and the 谱蓝云 token; default 7200. */
  tokenTtlSeconds?: number
  templatesFile?: string
  /** Base of the avatar and file URLs it hands out; default the 谱蓝云 stand-in's own URL. */
  publicUrlForFiles?: string
  /** follow_user entries per externalcontact/get page; default 500 like WeCom. */
  followUserPageSize?: number
}

export interface Sandbox {
  pulanBaseUrl: string
  /** Serves `/cgi-bin/*` and the OAuth2 page `/connect/oauth2/authorize`. */
  wecomBaseUrl: string
  credentials: { corpId: string, agentId: number, corpSecret: string, appKey: string, appSecret: string }
  records: SandboxRecords
  faults: FaultController
  /** The URL of a demo customer's avatar (served by the sandbox). */
  avatarUrl: (externalUserId: string) => string
  /** Clears records, faults, issued tokens and codes, uploaded files, follow-ups and created opportunities, and restores the demo data. */
  reset: () => void
  /** Invalidates every issued token and ticket, so callers get 42001 / code 401. */
  expireTokens: () => void
  close: () => Promise<void>
}

/** Answers a body that is not JSON the way 谱蓝云 would, inside the envelope. */
const envelopeErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  const status = (error as { status?: number }).status
  if (status === 400 || status === 413)
    return res.json({ code: status, msg: status === 413 ? '请求体过大' : '请求体不是合法的 JSON' })
  res.status(500).json({ code: 500, msg: '沙箱内部错误' })
}

async function listen(routers: Router[], state: SandboxState, host: string, port: number): Promise<{ server: Server, url: string }> {
  const app = express()
  app.disable('x-powered-by')
  app.use(recordRequests(state), ...routers, envelopeErrors)
  const server = createServer(app)
  server.listen(port, host)
  await once(server, 'listening')
  const address = server.address() as AddressInfo
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}` }
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1'
  const state = new SandboxState(loadTemplates(options.templatesFile ?? SANDBOX_TEMPLATES_FILE).all, options.tokenTtlSeconds ?? 7200, loadBusinessLines(SANDBOX_BUSINESS_LINES_FILE).all)
  const pulan = await listen([controlRoutes(state), pulanRoutes(state), avatarRoutes()], state, host, options.pulanPort ?? 0)
  const wecom = await listen([wecomRoutes(state), wecomGroupRoutes(state), oauthRoutes(state), avatarRoutes()], state, host, options.wecomPort ?? 0)
    .catch(async (error: unknown) => {
      pulan.server.close()
      throw error
    })
  state.publicBase = (options.publicUrlForFiles ?? pulan.url).replace(/\/+$/, '')
  state.followUserPageSize = options.followUserPageSize ?? 500

  const closeServer = (server: Server) => new Promise<void>((resolve, reject) => {
    server.close(error => (error ? reject(error) : resolve()))
    server.closeAllConnections()
  })

  return {
    pulanBaseUrl: pulan.url,
    wecomBaseUrl: wecom.url,
    credentials: state.credentials,
    records: state.records,
    faults: state.faults,
    avatarUrl: externalUserId => state.avatarUrl(externalUserId),
    reset: () => state.reset(),
    expireTokens: () => state.tokens.expireAll(),
    close: async () => {
      await Promise.all([closeServer(pulan.server), closeServer(wecom.server)])
    },
  }
}
