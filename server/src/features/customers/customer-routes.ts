import type { AppDeps } from '../../deps'
import { ExternalUserId } from '@app/shared'
import { Router } from 'express'
import { AppError } from '../../errors'
import { sessionUser } from '../../session-middleware'
import { loadCustomerContext } from './context-service'

export function customerRoutes(deps: AppDeps): Router {
  const router = Router()

  router.get('/:externalUserId/context', async (req, res) => {
    const externalUserId = ExternalUserId.safeParse(req.params.externalUserId)
    if (!externalUserId.success)
      throw new AppError(404, 'CUSTOMER_NOT_FOUND', '客户 ID 格式不对，请在客户聊天中重新打开')
    const context = await loadCustomerContext(deps, sessionUser(res), externalUserId.data)
    res.set('Cache-Control', 'private, no-store').json(context)
  })

  return router
}
