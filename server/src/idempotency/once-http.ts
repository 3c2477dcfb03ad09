import type { Request, Response } from 'express'
import type { OnceAnswer, OnceRequest } from './submit-once'
import { Buffer } from 'node:buffer'
import { IdempotencyKey } from '@app/shared'
import { AppError } from '../errors'

/** The Idempotency-Key header (a UUID), or the 400 that asks the page to reload. */
export function idempotencyKeyOf(req: Request): string {
  const key = IdempotencyKey.safeParse(req.get('Idempotency-Key'))
  if (!key.success)
    throw new AppError(400, 'IDEMPOTENCY_KEY_INVALID', '缺少或错误的 Idempotency-Key（需要 UUID），请刷新页面后重试')
  return key.data
}

/**
 * What submitOnce needs of an HTTP request. A class, so that `log` (which reads req.log only when a line is written:
 * the request's child logger is made on first use) is one getter on the prototype. Written as a getter in an object
 * literal, it was a new accessor on every request's object, so each had a hidden class of its own: submitOnce's
 * property reads never settled and every submission left a new map behind, about 50 µs of CPU per follow-up.
 */
class HttpOnceRequest implements OnceRequest {
  readonly body: unknown
  readonly requestId: unknown
  readonly onOutcome: OnceRequest['onOutcome']
  readonly #req: Request

  constructor(req: Request, readonly owner: string, readonly key: string, onOutcome: OnceRequest['onOutcome']) {
    this.#req = req
    this.body = req.body
    this.requestId = req.id
    this.onOutcome = onOutcome
  }

  get log() {
    return this.#req.log
  }
}

/** What submitOnce needs of a request: whose key it is, the key, the body it guards, where to log and to count. */
export function onceRequest(req: Request, owner: string, key: string, onOutcome?: OnceRequest['onOutcome']): OnceRequest {
  return new HttpOnceRequest(req, owner, key, onOutcome)
}

/**
 * Sends submitOnce's answer; a replay says so in `Idempotent-Replayed`. Written as res.json would write it (the same
 * JSON text, `application/json; charset=utf-8`, Content-Length in bytes), without res.json's steps for a type that
 * is always this one: its mime look-up and its charset parsed and formatted again, 6 to 8 µs per answer.
 */
export function sendOnceAnswer(res: Response, answer: OnceAnswer): void {
  if (answer.replayed)
    res.setHeader('Idempotent-Replayed', 'true')
  const text = JSON.stringify(answer.body)
  res.statusCode = answer.status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.end(text)
}
