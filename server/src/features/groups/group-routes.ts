import type { AppDeps } from '../../deps'
import { ChatId } from '@app/shared'
import { Router } from 'express'
import { AppError } from '../../errors'
import { sessionUser } from '../../session-middleware'
import { loadGroupView } from './group-service'

export function groupRoutes(deps: AppDeps): Router {
  const router = Router()

  router.get('/:chatId', async (req, res) => {
    const chatId = ChatId.safeParse(req.params.chatId)
    if (!chatId.success)
      throw new AppError(400, 'VALIDATION_FAILED', '群 ID 格式不对，请在客户群中重新打开')
    const group = await loadGroupView(deps, sessionUser(res), chatId.data)
    res.set('Cache-Control', 'private, no-store').json(group)
  })

  return router
}
