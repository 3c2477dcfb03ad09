import type { Express } from 'express'
import type { AppDeps } from './deps'
import compression from 'compression'
import express from 'express'
import { trustProxySetting } from './config'
import { rememberedCookies } from './cookies'
import { refuseCrossSiteWrites } from './cross-site'
import { errorHandler } from './error-handler'
import { AppError } from './errors'
import { authRoutes } from './features/auth/auth-routes'
import { clientReportRoutes } from './features/client-reports/client-report-routes'
import { customerRoutes } from './features/customers/customer-routes'
import { fileRoutes } from './features/files/file-routes'
import { followUpRoutes } from './features/follow-ups/follow-up-routes'
import { groupRoutes } from './features/groups/group-routes'
import { healthRoutes } from './features/health/health-routes'
import { jssdkRoutes } from './features/jssdk/jssdk-routes'
import { meRoutes } from './features/me/me-routes'
import { opportunityRoutes } from './features/opportunities/opportunity-routes'
import { pageRoutes } from './features/page/page-routes'
import { sandboxPickerRoutes } from './features/sandbox-picker/sandbox-picker-routes'
import { rateLimits, rejectInvalidUtf8, securityHeaders } from './hardening'
import { httpMetrics } from './metrics/http-metrics'
import { metricsWithToken } from './metrics/metrics-endpoint'
import { requestLog } from './request-log'
import { requireSession } from './session-middleware'

/** Builds the app; never listens (index.ts does). */
export function createApp(deps: AppDeps): Express {
  const { config, logger } = deps
  const app = express()
  app.disable('x-powered-by')
  // Every answer of ours is no-store (the API, the page) and express.static tags the assets itself: hashing each answer
  // for an ETag no client can use was waste.
  app.set('etag', false)
  if (config.trustProxy)
    app.set('trust proxy', trustProxySetting(config.trustProxy))

  app.use(httpMetrics(deps.metrics))
  if (config.metrics.token)
    app.get('/metrics', metricsWithToken(deps.metrics.registry, config.metrics.token))
  app.use(requestLog(app, logger))

  app.use(securityHeaders(config))
  // On a phone network the bytes are the opening time: brotli or gzip for the page, its assets and what the API reads
  // (the context). The answers to writes are a few hundred bytes, not worth compressing (nor the wrapping per request).
  const compress = compression()
  app.use((req, res, next) => (req.method === 'GET' ? compress(req, res, next) : next()))
  const limits = rateLimits(config.rateLimits, { storeFor: deps.rateLimitStoreFor, logger })

  app.use(rememberedCookies(config.sessionSecret))
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
  api.use('/jssdk', jssdkRoutes(deps))
  api.use('/customers', customerRoutes(deps))
  api.use('/groups', groupRoutes(deps))
  api.use('/files', fileRoutes(deps))
  api.use('/follow-ups', followUpRoutes(deps))
  api.use('/opportunities', opportunityRoutes(deps))
  api.use('/client-reports', clientReportRoutes(deps))
  api.use('/sandbox', sandboxPickerRoutes(deps))
  // Mounted at /api itself (GET /api/me, /api/boot): last, so the other calls do not walk through its router.
  api.use(meRoutes(deps))
  api.use(() => {
    throw new AppError(404, 'NOT_FOUND', '接口不存在')
  })
  app.use('/api', api)
  // Sign-in and the probes after the API, so API calls (thousands a minute) do not walk through their layers.
  app.use('/auth', limits.auth, authRoutes(deps))
  app.use(healthRoutes(deps))

  app.use(pageRoutes(deps))
  app.use(errorHandler(logger))
  return app
}
