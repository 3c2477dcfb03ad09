import type { AppDeps } from '../../deps'
import { ClientReport, toFieldErrors } from '@app/shared'
import { Router } from 'express'
import { AppError, errorBody, validationFailed } from '../../errors'
import { limitRequests } from '../../rate-limit'
import { sessionUser } from '../../session-middleware'

/** Reports per salesperson per ten minutes: enough for a page that fails at every step, not enough to flood the log. */
const REPORTS_PER_WINDOW = 20

/**
 * The page's WeCom JS-SDK failures, for operators: one log line each (`msg: 'client report'`, fields under
 * `clientReport`), so "agentConfig: invalid signature on 12 clients since 09:00" is a log query, and counted in the
 * metrics by call, keyword and platform (each checked against a short pattern, so the label values stay few). No
 * personal data.
 */
export function clientReportRoutes(deps: Pick<AppDeps, 'logger' | 'metrics'>): Router {
  const router = Router()
  router.use(limitRequests([{
    name: 'client-reports',
    windowMs: 10 * 60_000,
    limit: REPORTS_PER_WINDOW,
    key: (_req, res) => sessionUser(res).wecomUserId,
    headers: true,
  }], {
    onStoreError: (limit, error) => deps.logger.warn({ limiter: limit.name, err: { message: (error as Error)?.message } }, 'rate limit store error'),
    refuse: (req, res) => {
      res.status(429).json(errorBody(new AppError(429, 'RATE_LIMITED', '报告太频繁，已忽略'), req.id))
    },
  }))

  router.post('/', (req, res) => {
    const parsed = ClientReport.safeParse(req.body)
    if (!parsed.success)
      throw validationFailed(toFieldErrors(parsed.error.issues), '报告格式不对')
    req.log.warn({ clientReport: parsed.data }, 'client report')
    const { api, keyword, platform } = parsed.data
    deps.metrics.clientReports.inc({ api, keyword, platform })
    res.status(204).end()
  })
  return router
}
