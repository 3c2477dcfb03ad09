import { Counter, Histogram, Registry } from 'prom-client'

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/**
 * The app's Prometheus metrics, one registry per app (tests run several apps in one process). Labels are kept to
 * small fixed sets: route patterns (never raw URLs), upstream call paths, outcome words and upstream codes.
 */
export function createMetrics() {
  const registry = new Registry()
  const registers = [registry]
  const metrics = {
    registry,
    httpRequests: new Counter({ name: 'followup_http_requests_total', help: 'Requests answered, by route pattern, method and status', labelNames: ['route', 'method', 'status'], registers }),
    httpDuration: new Histogram({ name: 'followup_http_request_duration_seconds', help: 'Time to answer a request, by route pattern, method and status', labelNames: ['route', 'method', 'status'], buckets: SECONDS, registers }),
    upstreamCalls: new Counter({ name: 'followup_upstream_calls_total', help: 'Calls to WeCom and 谱蓝云, by upstream, call path, outcome and the upstream\'s own code (WeCom errcode, 谱蓝云 code)', labelNames: ['upstream', 'call', 'outcome', 'code'], registers }),
    upstreamDuration: new Histogram({ name: 'followup_upstream_call_duration_seconds', help: 'Time of one upstream call, by upstream, call path and outcome', labelNames: ['upstream', 'call', 'outcome'], buckets: SECONDS, registers }),
    tokenRefreshes: new Counter({ name: 'followup_token_refreshes_total', help: 'Tokens and tickets fetched from the upstream, by upstream, token and outcome', labelNames: ['upstream', 'token', 'outcome'], registers }),
    idempotency: new Counter({ name: 'followup_idempotency_outcomes_total', help: 'Writes (follow-up, opportunity) by what their idempotency key did: new, replayed, in_flight, unknown_outcome, refused', labelNames: ['write', 'outcome'], registers }),
    storeErrors: new Counter({ name: 'followup_store_errors_total', help: 'Store operations that failed, by operation', labelNames: ['operation'], registers }),
    clientReports: new Counter({ name: 'followup_client_reports_total', help: 'WeCom JS-SDK failures reported by the page from the field, by call, error keyword and platform', labelNames: ['api', 'keyword', 'platform'], registers }),
  }
  return {
    ...metrics,
    /** The outcome counter of one kind of write, for submitOnce's onOutcome. */
    idempotencyOutcome: (write: 'follow-up' | 'opportunity') => (outcome: IdempotencyOutcome) => metrics.idempotency.inc({ write, outcome }),
  }
}

export type Metrics = ReturnType<typeof createMetrics>
export type UpstreamMetrics = Pick<Metrics, 'upstreamCalls' | 'upstreamDuration' | 'tokenRefreshes'>
export type IdempotencyOutcome = 'new' | 'replayed' | 'in_flight' | 'unknown_outcome' | 'refused'
