import type { AppDeps } from '../../deps'
import { IdempotencyKey, OpportunityCreateSubmission, toFieldErrors } from '@app/shared'
import { Router } from 'express'
import { AppError, validationFailed } from '../../errors'
import { createIdempotency } from '../../idempotency/idempotency'
import { submitOnce } from '../../idempotency/submit-once'
import { sessionUser } from '../../session-middleware'
import { createDisabled, createOpportunitySteps } from './opportunity-service'

const WORDS = {
  what: '这个商机',
  outcomeUnknown: '谱蓝云没有及时回应，商机可能已经创建。请刷新商机列表查看；已保留提交编号，重试不会重复创建。',
}

export function opportunityRoutes(deps: AppDeps): Router {
  const router = Router()
  const idempotency = createIdempotency(deps.store)

  router.post('/', async (req, res) => {
    if (!deps.businessLines)
      throw createDisabled()
    const key = IdempotencyKey.safeParse(req.get('Idempotency-Key'))
    if (!key.success)
      throw new AppError(400, 'IDEMPOTENCY_KEY_INVALID', '缺少或错误的 Idempotency-Key（需要 UUID），请刷新页面后重试')
    const submission = OpportunityCreateSubmission.safeParse(req.body)
    if (!submission.success)
      throw validationFailed(toFieldErrors(submission.error.issues))

    const user = sessionUser(res)
    const answer = await submitOnce(idempotency, { owner: user.wecomUserId, key: key.data, body: req.body, requestId: req.id, log: req.log, onOutcome: deps.metrics.idempotencyOutcome('opportunity') }, WORDS, createOpportunitySteps(deps, user, key.data, submission.data))
    if (answer.replayed)
      res.set('Idempotent-Replayed', 'true')
    res.status(answer.status).json(answer.body)
  })

  return router
}
