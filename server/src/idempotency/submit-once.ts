import type { Logger } from 'pino'
import type { UpstreamError } from '../upstream/upstream-error'
import type { createIdempotency } from './idempotency'
import { AppError, errorBody, upstreamAppError } from '../errors'
import { hashBody } from './idempotency'

/** The one upstream write itself failed: submitOnce decides whether the key is kept (it may exist) or released. */
export class SendFailure extends Error {
  constructor(readonly upstream: UpstreamError) {
    super(upstream.message)
  }
}

export interface OnceWords {
  /** `这条跟进`, `这个商机`: what is being submitted, in the salesperson's words. */
  what: string
  /** The 504 message when the upstream did not answer in time and the write may exist. */
  outcomeUnknown: string
}

export interface OnceRequest {
  owner: string
  key: string
  body: unknown
  requestId: unknown
  log: Pick<Logger, 'error' | 'warn'>
  /** Told what the key did (for the metrics). */
  onOutcome?: (outcome: 'new' | 'replayed' | 'in_flight' | 'unknown_outcome' | 'refused') => void
}

export interface OnceAnswer { status: number, body: unknown, replayed: boolean }

type Idempotency = ReturnType<typeof createIdempotency>

/**
 * Runs `send` at most once per salesperson, key and body: the same key and body replay the first answer, another
 * body is a 422, a second request while the first is running a 409. A write that may have reached the upstream
 * keeps its key (a retry replays "outcome unknown" rather than writing twice); one that surely did not releases it.
 */
export async function submitOnce(idempotency: Idempotency, request: OnceRequest, words: OnceWords, send: () => Promise<{ status: number, body: unknown }>): Promise<OnceAnswer> {
  const { owner, key } = request
  const bodyHash = hashBody(request.body)
  const claim = await idempotency.claim(owner, key, bodyHash)
  request.onOutcome?.(({ 'claimed': 'new', 'replay': 'replayed', 'in-flight': 'in_flight', 'reused': 'refused' } as const)[claim.kind])
  if (claim.kind === 'reused')
    throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '这个提交编号已用于另一份内容，请重新提交')
  if (claim.kind === 'in-flight')
    throw new AppError(409, 'IDEMPOTENCY_IN_FLIGHT', `${words.what}正在提交中，请稍候`)
  if (claim.kind === 'replay')
    return { status: claim.status, body: claim.body, replayed: true }

  // The outcome is remembered best effort: once the upstream has the record, the answer must say so even if the
  // store fails to keep it (the key then stays "in flight" until it expires, so a retry still cannot send it twice).
  const remember = async (status: number, body: unknown): Promise<OnceAnswer> => {
    try {
      await idempotency.complete(owner, key, bodyHash, status, body)
    }
    catch (error) {
      request.log.error({ err: { message: (error as Error).message }, status }, 'could not remember a submission outcome')
    }
    return { status, body, replayed: false }
  }

  let sent
  try {
    sent = await send()
  }
  catch (error) {
    if (!(error instanceof SendFailure)) {
      await idempotency.release(owner, key)
      throw error
    }
    const upstream = error.upstream
    if (upstream.kind !== 'rejected' && !upstream.mayHaveArrived) {
      await idempotency.release(owner, key)
      throw upstreamAppError(upstream)
    }
    // The upstream's own text goes to the log only (the answer carries a fixed message and the code).
    request.log.warn({ upstream: { upstream: upstream.upstream, kind: upstream.kind, ...upstream.detail } }, 'upstream write failed')
    if (upstream.kind !== 'rejected')
      request.onOutcome?.('unknown_outcome')
    const outcome = upstream.kind === 'rejected'
      ? upstreamAppError(upstream)
      : new AppError(504, 'UPSTREAM_OUTCOME_UNKNOWN', words.outcomeUnknown)
    return remember(outcome.status, errorBody(outcome, request.requestId))
  }
  return remember(sent.status, sent.body)
}
