import type { AppDeps } from '../../deps'
import { BadSignatureReport, JssdkConfigRequest, toFieldErrors } from '@app/shared'
import { Router } from 'express'
import { AppError, validationFailed } from '../../errors'
import { signPage } from './jssdk-service'

export function jssdkRoutes(deps: AppDeps): Router {
  const { config } = deps
  const router = Router()
  const origin = new URL(config.publicUrl).origin

  router.post('/config', async (req, res) => {
    const parsed = JssdkConfigRequest.safeParse(req.body)
    if (!parsed.success)
      throw validationFailed(toFieldErrors(parsed.error.issues))
    const url = new URL(parsed.data.url)
    if (url.origin !== origin)
      throw new AppError(400, 'ORIGIN_NOT_ALLOWED', '只能为本应用的页面签名，请从企业微信侧边栏打开')
    url.hash = ''
    res.set('Cache-Control', 'no-store').json(await signPage(deps, url.href))
  })

  // The client rejected a signature: the cached ticket may be bad before its expiry. Refreshed at most once a minute
  // across instances, so a broken client cannot spend the hourly ticket quota.
  router.post('/bad-signature', async (req, res) => {
    const parsed = BadSignatureReport.safeParse(req.body)
    if (!parsed.success)
      throw validationFailed(toFieldErrors(parsed.error.issues))
    const refreshed = await deps.wecom.refreshTicket(parsed.data.ticket)
    req.log.warn({ ticketKind: parsed.data.ticket, refreshed }, 'page reported a rejected JS-SDK signature')
    res.set('Cache-Control', 'no-store').json({ refreshed })
  })

  return router
}
