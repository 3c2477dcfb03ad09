import type { AppDeps } from '../../deps'
import { OpportunityCreateSubmission, toFieldErrors } from '@app/shared'
import { Router } from 'express'
import { validationFailed } from '../../errors'
import { createIdempotency } from '../../idempotency/idempotency'
import { idempotencyKeyOf, onceRequest, sendOnceAnswer } from '../../idempotency/once-http'
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
  const onOutcome = deps.metrics.idempotencyOutcome('opportunity')

  router.post('/', async (req, res) => {
    if (!deps.businessLines)
      throw createDisabled()
    const key = idempotencyKeyOf(req)
    const submission = OpportunityCreateSubmission.safeParse(req.body)
    if (!submission.success)
      throw validationFailed(toFieldErrors(submission.error.issues))

    const user = sessionUser(res)
    const answer = await submitOnce(idempotency, onceRequest(req, user.wecomUserId, key, onOutcome), WORDS, createOpportunitySteps(deps, user, key, submission.data))
    sendOnceAnswer(res, answer)
  })

  return router
}
