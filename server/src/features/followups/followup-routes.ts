import type { AppDeps } from '../../app'
import { FollowUpSubmission, IdempotencyKey, toFieldErrors } from '@app/shared'
import { Router } from 'express'
import { errorBody, upstreamAppError } from '../../error-handler'
import { AppError, validationFailed } from '../../errors'
import { sessionUser } from '../../session-middleware'
import { SendFailure, submitFollowUp } from './followup-service'
import { createIdempotency, hashBody } from './idempotency'

export function followUpRoutes(deps: AppDeps): Router {
  const router = Router()
  const idempotency = createIdempotency(deps.store)

  router.post('/', async (req, res) => {
    const key = IdempotencyKey.safeParse(req.get('Idempotency-Key'))
    if (!key.success)
      throw new AppError(400, 'IDEMPOTENCY_KEY_INVALID', '缺少或错误的 Idempotency-Key（需要 UUID），请刷新页面后重试')
    const submission = FollowUpSubmission.safeParse(req.body)
    if (!submission.success)
      throw validationFailed(toFieldErrors(submission.error.issues))

    const owner = sessionUser(res).wecomUserId
    const bodyHash = hashBody(req.body)
    const claim = await idempotency.claim(owner, key.data, bodyHash)
    if (claim.kind === 'reused')
      throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '这个提交编号已用于另一份内容，请重新提交')
    if (claim.kind === 'in-flight')
      throw new AppError(409, 'IDEMPOTENCY_IN_FLIGHT', '这条跟进正在提交中，请稍候')
    if (claim.kind === 'replay') {
      res.status(claim.status).set('Idempotent-Replayed', 'true').json(claim.body)
      return
    }

    // The outcome is remembered best effort: once 谱蓝云 has the record, the answer must say so even if the store
    // fails to keep it (the key then stays "in flight" until it expires, so a retry still cannot send it twice).
    const remember = async (status: number, body: unknown) => {
      try {
        await idempotency.complete(owner, key.data, bodyHash, status, body)
      }
      catch (error) {
        req.log.error({ err: { message: (error as Error).message }, status }, 'could not remember a submission outcome')
      }
    }

    let receipt
    try {
      receipt = await submitFollowUp(deps, sessionUser(res), key.data, submission.data)
    }
    catch (error) {
      if (!(error instanceof SendFailure)) {
        await idempotency.release(owner, key.data)
        throw error
      }
      const upstream = error.upstream
      if (upstream.kind !== 'rejected' && !upstream.mayHaveArrived) {
        await idempotency.release(owner, key.data)
        throw upstreamAppError(upstream)
      }
      const outcome = upstream.kind === 'rejected'
        ? upstreamAppError(upstream)
        : new AppError(504, 'UPSTREAM_OUTCOME_UNKNOWN', '谱蓝云没有及时回应，这条跟进可能已经记录。已保留提交编号，重试不会重复记录。')
      const body = errorBody(outcome, req.id)
      await remember(outcome.status, body)
      res.status(outcome.status).json(body)
      return
    }
    await remember(201, receipt)
    res.status(201).json(receipt)
  })

  return router
}
