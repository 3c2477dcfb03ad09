import type { AppDeps } from '../../deps'
import { FollowUpSubmission, toFieldErrors } from '@app/shared'
import { Router } from 'express'
import { validationFailed } from '../../errors'
import { createIdempotency } from '../../idempotency/idempotency'
import { idempotencyKeyOf, onceRequest, sendOnceAnswer } from '../../idempotency/once-http'
import { submitOnce } from '../../idempotency/submit-once'
import { sessionUser } from '../../session-middleware'
import { followUpSteps } from './follow-up-service'

const WORDS = {
  what: '这条跟进',
  outcomeUnknown: '谱蓝云没有及时回应，这条跟进可能已经记录。已保留提交编号，重试不会重复记录。',
}

export function followUpRoutes(deps: AppDeps): Router {
  const router = Router()
  const idempotency = createIdempotency(deps.store)
  const onOutcome = deps.metrics.idempotencyOutcome('follow-up')

  router.post('/', async (req, res) => {
    const key = idempotencyKeyOf(req)
    const submission = FollowUpSubmission.safeParse(req.body)
    if (!submission.success)
      throw validationFailed(toFieldErrors(submission.error.issues))

    const user = sessionUser(res)
    const answer = await submitOnce(idempotency, onceRequest(req, user.wecomUserId, key, onOutcome), WORDS, followUpSteps(deps, user, key, submission.data))
    sendOnceAnswer(res, answer)
  })

  return router
}
