import type { AppDeps } from '../../deps'
import { FollowUpSubmission, IdempotencyKey, toFieldErrors } from '@app/shared'
import { Router } from 'express'
import { AppError, validationFailed } from '../../errors'
import { createIdempotency } from '../../idempotency/idempotency'
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
    const key = IdempotencyKey.safeParse(req.get('Idempotency-Key'))
    if (!key.success)
      throw new AppError(400, 'IDEMPOTENCY_KEY_INVALID', '缺少或错误的 Idempotency-Key（需要 UUID），请刷新页面后重试')
    const submission = FollowUpSubmission.safeParse(req.body)
    if (!submission.success)
      throw validationFailed(toFieldErrors(submission.error.issues))

    const user = sessionUser(res)
    const answer = await submitOnce(idempotency, { owner: user.wecomUserId, key: key.data, body: req.body, requestId: req.id, log: req.log, onOutcome }, WORDS, followUpSteps(deps, user, key.data, submission.data))
    if (answer.replayed)
      res.set('Idempotent-Replayed', 'true')
    res.status(answer.status).json(answer.body)
  })

  return router
}
