import type { AxiosRequestConfig, AxiosResponse } from 'axios'
import type { UpstreamMetrics } from '../metrics/metrics'
import type { UpstreamError, UpstreamName } from './upstream-error'
import http from 'node:http'
import https from 'node:https'
import { setTimeout as sleep } from 'node:timers/promises'
import axios from 'axios'
import { fromTransportError } from './upstream-error'

export interface UpstreamHttp {
  /** One call; every HTTP status is returned to the caller, which reads the envelope. Transport failures throw UpstreamError. */
  send: (config: AxiosRequestConfig) => Promise<AxiosResponse>
}

/** The upstream's own code in a JSON answer: WeCom's `errcode`, 谱蓝云's `code`. */
function codeOf(data: unknown): string {
  if (!data || typeof data !== 'object')
    return ''
  const code = 'errcode' in data ? data.errcode : 'code' in data ? data.code : undefined
  return typeof code === 'number' ? String(code) : ''
}

function outcomeOf(response: AxiosResponse, code: string): string {
  if (response.status < 200 || response.status >= 300)
    return `http_${response.status}`
  return code === '' || code === '0' ? 'ok' : 'rejected'
}

/**
 * axios sets a 60 s TCP keep-alive probe on every request's socket and the agent sets its own `keepAliveMsecs` when the
 * socket goes back to the pool: with the same value both are no-ops after the first request, instead of four
 * setsockopt calls each way on every call.
 */
const KEEP_ALIVE = { keepAlive: true, keepAliveMsecs: 60_000, maxSockets: 128 }

/** What axios asks for by default. */
const DEFAULT_ACCEPT = 'application/json, text/plain, */*'

/** One keep-alive client per upstream; every call is counted and timed by path, outcome and upstream code. */
export function createHttpClient(upstream: UpstreamName, baseURL: string, timeoutMs: number, metrics?: UpstreamMetrics): UpstreamHttp {
  const client = axios.create({
    baseURL,
    timeout: timeoutMs,
    httpAgent: new http.Agent(KEEP_ALIVE),
    httpsAgent: new https.Agent(KEEP_ALIVE),
    validateStatus: () => true,
    maxRedirects: 0,
    proxy: false,
  })
  // axios merges the instance's defaults into every call's config and checks their `transitional` options each time:
  // the per-method header buckets are all empty, and without `transitional` axios reads the same defaults itself.
  client.defaults.headers = { common: { Accept: DEFAULT_ACCEPT } } as unknown as typeof client.defaults.headers
  delete client.defaults.transitional
  const observe = (call: string, outcome: string, code: string, began: number) => {
    metrics?.upstreamCalls.inc({ upstream, call, outcome, code })
    metrics?.upstreamDuration.observe({ upstream, call, outcome }, (performance.now() - began) / 1000)
  }
  return {
    async send(config) {
      const call = config.url ?? ''
      const began = performance.now()
      try {
        const response = await client.request(config)
        const code = codeOf(response.data)
        observe(call, outcomeOf(response, code), code, began)
        return response
      }
      catch (error) {
        const failure = fromTransportError(upstream, error)
        observe(call, failure.kind, '', began)
        throw failure
      }
    },
  }
}

/** What one try of an upstream call gave: its answer, or the rate-limited error to throw if it stays busy. */
export type Try<T> = { answer: T } | { busy: UpstreamError }

/**
 * The one back-off for a busy upstream (HTTP 429, 谱蓝云 code 429, WeCom -1/45009/45033/45011): waits a quarter of
 * the Retry-After seconds it named, then twice that and so on, at most `retries` times; then throws the busy error.
 */
export async function retryWhileBusy<T>(retries: number, once: () => Promise<Try<T>>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const result = await once()
    if ('answer' in result)
      return result.answer
    if (attempt >= retries)
      throw result.busy
    await sleep((result.busy.detail.retryAfterSeconds ?? 1) * 250 * 2 ** attempt)
  }
}
