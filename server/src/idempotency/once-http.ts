import type { Request, Response } from 'express'
import type { OnceAnswer, OnceRequest } from './submit-once'
import { IdempotencyKey } from '@app/shared'
import { AppError } from '../errors'

/** The Idempotency-Key header (a UUID), or the 400 that asks the page to reload. */
export function idempotencyKeyOf(req: Request): string {
  const key = IdempotencyKey.safeParse(req.get('Idempotency-Key'))
  if (!key.success)
    throw new AppError(400, 'IDEMPOTENCY_KEY_INVALID', '缺少或错误的 Idempotency-Key（需要 UUID），请刷新页面后重试')
  return key.data
}

/** What submitOnce needs of a request: whose key it is, the key, the body it guards, where to log and to count. */
export function onceRequest(req: Request, owner: string, key: string, onOutcome?: OnceRequest['onOutcome']): OnceRequest {
  // `log` reads req.log only when a line is written: the request's child logger is made on first use.
  return { owner, key, body: req.body, requestId: req.id, get log() {
    return req.log
  }, ...(onOutcome && { onOutcome }) }
}

/** Sends submitOnce's answer; a replay says so in `Idempotent-Replayed`. */
export function sendOnceAnswer(res: Response, answer: OnceAnswer): void {
  if (answer.replayed)
    res.set('Idempotent-Replayed', 'true')
  res.status(answer.status).json(answer.body)
}
