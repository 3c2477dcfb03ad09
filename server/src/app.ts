import type { Express } from 'express'
import type { Logger } from 'pino'
import type { AppConfig } from './config'
import type { UploadLimits } from './features/files/upload-slots'
import type { BusinessLineSource } from './features/opportunities/business-lines'
import type { LimitStoreFor } from './hardening'
import type { Metrics } from './metrics/metrics'
import type { KeyValueStore } from './store/store'
import type { TemplateRegistry } from './templates'
import type { PulanClient } from './upstream/pulan'
import type { WecomClient } from './upstream/wecom'
import { randomUUID } from 'node:crypto'
import compression from 'compression'
import cookieParser from 'cookie-parser'
import express from 'express'
import { pinoHttp } from 'pino-http'
import { refuseCrossSiteWrites } from './cross-site'
import { errorHandler } from './error-handler'
import { AppError } from './errors'
import { authRoutes } from './features/auth/auth-routes'
import { clientReportRoutes } from './features/client-reports/client-report-routes'
import { customerRoutes } from './features/customers/customer-routes'
import { fileRoutes } from './features/files/file-routes'
import { followUpRoutes } from './features/followups/followup-routes'
import { groupRoutes } from './features/groups/group-routes'
import { jssdkRoutes } from './features/jssdk/jssdk-routes'
import { opportunityRoutes } from './features/opportunities/opportunity-routes'
import { pageRoutes } from './features/page/page-routes'
import { rateLimits, rejectInvalidUtf8, securityHeaders } from './hardening'
import { pathOnly } from './logger'
import { httpMetrics } from './metrics/http-metrics'
import { metricsWithToken } from './metrics/metrics-endpoint'
import { requireSession, sessionUser } from './session-middleware'

export interface SandboxCustomer { externalUserId: string, name: string, corpName?: string, avatar?: string }

export interface AppDeps {
  config: AppConfig
  store: KeyValueStore
  wecom: WecomClient
  pulan: PulanClient
  templates: TemplateRegistry
  /** Absent when no BUSINESS_LINES_FILE is configured: 新建商机 is not offered. */
  businessLines?: BusinessLineSource
  logger: Logger
  /** Concurrent uploads allowed per salesperson and in total (defaults in upload-slots.ts). */
  uploadLimits?: UploadLimits
  /** With REDIS_URL: rate-limit counters shared by every instance; in memory otherwise. */
  rateLimitStoreFor?: LimitStoreFor
  metrics: Metrics
  /** Sandbox mode only: the demo customers a salesperson follows, for the page's customer picker. */
  sandboxCustomers?: (wecomUserId: string) => SandboxCustomer[]
  /** Sandbox mode only: the demo customer groups, for opening a group entry outside WeCom. */
  sandboxGroups?: () => { chatId: string, name: string, note: string }[]
}

/** TRUST_PROXY as Express wants it: a hop count, true/false, or addresses and subnets. */
export function trustProxySetting(value: string): number | boolean | string {
  if (/^\d+$/.test(value))
    return Number(value)
  if (value === 'true' || value === 'false')
    return value === 'true'
  return value
}

/** Builds the app; never listens (index.ts does). */
export function createApp(deps: AppDeps): Express {
  const { config, logger } = deps
  const app = express()
  app.disable('x-powered-by')
  if (config.trustProxy)
    app.set('trust proxy', trustProxySetting(config.trustProxy))

  app.use(httpMetrics(deps.metrics))
  if (config.metrics.token)
    app.get('/metrics', metricsWithToken(deps.metrics.registry, config.metrics.token))
  app.use(pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = randomUUID()
      res.setHeader('X-Request-Id', id)
      return id
    },
    // Successful requests are counted and timed by the metrics; their access lines are debug (LOG_LEVEL=debug shows
    // them). Refusals and failures stay visible at the default level.
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug'),
    serializers: {
      req: req => ({ id: req.id, method: req.method, url: pathOnly(req.url) }),
      res: res => ({ statusCode: res.statusCode }),
    },
  }))

  app.use(securityHeaders(config))
  // On a phone network the bytes are the opening time: brotli or gzip for the page, its assets and what the API reads
  // (the context). The answers to writes are a few hundred bytes, not worth compressing (nor the wrapping per request).
  const compress = compression()
  app.use((req, res, next) => (req.method === 'GET' ? compress(req, res, next) : next()))
  const limits = rateLimits(config.rateLimits, { storeFor: deps.rateLimitStoreFor, logger })

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  app.get('/readyz', async (_req, res) => {
    try {
      await deps.store.ping()
      res.json({ status: 'ready', sandbox: config.sandbox })
    }
    catch {
      res.status(503).json({ error: { code: 'STORE_UNAVAILABLE', message: '存储暂时不可用' } })
    }
  })

  app.use(cookieParser(config.sessionSecret))
  app.use('/auth', limits.auth, authRoutes(deps))

  const api = express.Router()
  api.use(limits.api)
  api.use(refuseCrossSiteWrites(config.publicUrl, config.env === 'production'))
  // A preflight carries no cookie; the page is same-origin, so it only ever gets an empty answer (no CORS grant).
  api.options('/jssdk/config', (_req, res) => {
    res.sendStatus(204)
  })
  // Authenticate first, then read the body: without a session nothing is parsed or buffered.
  api.use(requireSession)
  api.use(express.json({ limit: '256kb', verify: rejectInvalidUtf8 }))
  api.get('/me', (_req, res) => {
    res.json(sessionUser(res))
  })
  // What the served page carries inline, for a page that came without it (the Vite dev server).
  api.get('/boot', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ sandbox: config.sandbox, me: sessionUser(res) })
  })
  api.use('/jssdk', jssdkRoutes(deps))
  api.use('/customers', customerRoutes(deps))
  api.use('/groups', groupRoutes(deps))
  api.use('/files', fileRoutes(deps))
  api.use('/follow-ups', followUpRoutes(deps))
  api.use('/opportunities', opportunityRoutes(deps))
  api.use('/client-reports', clientReportRoutes(deps))
  if (deps.sandboxCustomers) {
    const list = deps.sandboxCustomers
    api.get('/sandbox/customers', (_req, res) => {
      res.json({ customers: list(sessionUser(res).wecomUserId) })
    })
  }
  if (deps.sandboxGroups) {
    const groups = deps.sandboxGroups
    api.get('/sandbox/groups', (_req, res) => {
      res.json({ groups: groups() })
    })
  }
  api.use(() => {
    throw new AppError(404, 'NOT_FOUND', '接口不存在')
  })
  app.use('/api', api)

  app.use(pageRoutes(deps))
  app.use(errorHandler(logger))
  return app
}
