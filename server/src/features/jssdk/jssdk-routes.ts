import type { AppDeps } from '../../app'
import { JssdkConfigRequest, toFieldErrors } from '@app/shared'
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

  return router
}
