import type { EndpointName } from './endpoints'

export type Fault
  = | { kind: 'slow', delayMs: number }
    | { kind: 'status', status: 500 | 502 | 503 }
  /** Reads the request, then destroys the socket without answering (nothing is applied). */
    | { kind: 'reset' }
  /** 200 with a body that is not JSON. */
    | { kind: 'malformed' }
  /** WeCom errcode 42001 / 谱蓝云 code 401, whatever token was sent. */
    | { kind: 'tokenExpired' }
  /** WeCom errcode 45009 / 谱蓝云 code 429, with `Retry-After: 1`. */
    | { kind: 'rateLimited' }
  /** Drops the connection with a TCP reset at once, as a service that is down. */
    | { kind: 'down' }
  /** WeCom only: answers this errcode with WeCom's errmsg for it (-1 busy, 45033, 48002, 60020, ...). */
    | { kind: 'errcode', errcode: number }
  /** A business refusal with the upstream's own text (WeCom's errmsg names the caller's egress IP). */
    | { kind: 'rejected', code: number, msg: string }

export interface FaultOptions { /** How many requests it affects; unset = until cleared. */ times?: number }

export interface FaultController {
  set: (endpoint: EndpointName, fault: Fault, options?: FaultOptions) => void
  clear: (endpoint?: EndpointName) => void
  /** The fault for this request, if any; consumes one of its `times`. */
  take: (endpoint: EndpointName) => Fault | null
  active: () => Partial<Record<EndpointName, { fault: Fault, remaining: number | null }>>
}

export function createFaultController(): FaultController {
  const faults = new Map<EndpointName, { fault: Fault, remaining: number | null }>()
  return {
    set(endpoint, fault, options = {}) {
      if (options.times !== undefined && (!Number.isInteger(options.times) || options.times < 1))
        throw new Error('times must be a positive integer')
      faults.set(endpoint, { fault, remaining: options.times ?? null })
    },
    clear(endpoint) {
      if (endpoint)
        faults.delete(endpoint)
      else
        faults.clear()
    },
    take(endpoint) {
      const entry = faults.get(endpoint)
      if (!entry)
        return null
      if (entry.remaining !== null && --entry.remaining <= 0)
        faults.delete(endpoint)
      return entry.fault
    },
    active: () => Object.fromEntries([...faults].map(([name, entry]) => [name, { ...entry }])),
  }
}
