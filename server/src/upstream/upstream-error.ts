export type UpstreamName = 'wecom' | 'pulan'
export type UpstreamFailureKind = 'unreachable' | 'timeout' | 'reset' | 'bad-status' | 'malformed' | 'rate-limited' | 'rejected'

/**
 * An upstream call that did not succeed. Built fresh from the failure, never wrapping the transport error, whose
 * request config carries tokens and secrets.
 */
export class UpstreamError extends Error {
  constructor(
    readonly upstream: UpstreamName,
    readonly kind: UpstreamFailureKind,
    /** Whether the request may have reached the upstream (so its effect may exist). */
    readonly mayHaveArrived: boolean,
    readonly detail: { status?: number, code?: number, msg?: string, retryAfterSeconds?: number } = {},
  ) {
    super(`${upstream} ${kind}${detail.code !== undefined ? ` code=${detail.code}` : ''}${detail.status ? ` status=${detail.status}` : ''}`)
    this.name = 'UpstreamError'
  }
}

interface TransportErrorLike { code?: string, response?: unknown }

export function fromTransportError(upstream: UpstreamName, error: unknown): UpstreamError {
  const code = (error as TransportErrorLike)?.code
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new UpstreamError(upstream, 'unreachable', false)
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT')
    return new UpstreamError(upstream, 'timeout', true)
  return new UpstreamError(upstream, 'reset', true)
}

export function retryAfterSeconds(header: unknown, fallback = 1): number {
  const seconds = Number(header)
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) : fallback
}
