import type { Logger } from 'pino'
import type { createIdempotency } from './idempotency'
import { AppError, errorBody, upstreamAppError } from '../errors'
import { UpstreamError } from '../upstream/upstream-error'
import { hashBody } from './idempotency'

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

/** A submission in two steps, so submitOnce knows which failures may have left a record upstream. */
export interface OnceSteps<Checked> {
  /** Everything before the write (rules, lookups): whatever fails here releases the key. */
  check: () => Promise<Checked>
  /** The one upstream write and what follows it: an UpstreamError here keeps the key when the write may exist. */
  write: (checked: Checked) => Promise<{ status: number, body: unknown }>
}

type Idempotency = ReturnType<typeof createIdempotency>

/**
 * Runs `steps` at most once per salesperson, key and body: the same key and body replay the first answer, another
 * body is a 422, a second request while the first is running a 409. A write that may have reached the upstream
 * keeps its key (a retry replays "outcome unknown" rather than writing twice); one that surely did not releases it.
 */
export async function submitOnce<Checked>(idempotency: Idempotency, request: OnceRequest, words: OnceWords, steps: OnceSteps<Checked>): Promise<OnceAnswer> {
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

  let checked: Checked
  try {
    checked = await steps.check()
  }
  catch (error) {
    await idempotency.release(owner, key)
    throw error
  }

  let sent
  try {
    sent = await steps.write(checked)
  }
  catch (error) {
    if (!(error instanceof UpstreamError) || (error.kind !== 'rejected' && !error.mayHaveArrived)) {
      await idempotency.release(owner, key)
      throw error instanceof UpstreamError ? upstreamAppError(error) : error
    }
    // The upstream's own text goes to the log only (the answer carries a fixed message and the code).
    request.log.warn({ upstream: { upstream: error.upstream, kind: error.kind, ...error.detail } }, 'upstream write failed')
    if (error.kind !== 'rejected')
      request.onOutcome?.('unknown_outcome')
    const outcome = error.kind === 'rejected'
      ? upstreamAppError(error)
      : new AppError(504, 'UPSTREAM_OUTCOME_UNKNOWN', words.outcomeUnknown)
    return remember(outcome.status, errorBody(outcome, request.requestId))
  }
  return remember(sent.status, sent.body)
}
