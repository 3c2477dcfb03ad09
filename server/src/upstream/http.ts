import type { AxiosResponse, InternalAxiosRequestConfig } from 'axios'
import type { UpstreamMetrics } from '../metrics/metrics'
import type { UpstreamError, UpstreamName } from './upstream-error'
import http from 'node:http'
import https from 'node:https'
import { setTimeout as sleep } from 'node:timers/promises'
import axios, { AxiosHeaders } from 'axios'
import { fromTransportError } from './upstream-error'

/** One upstream call: a JSON body (or a FormData upload), query parameters and extra headers. */
export interface UpstreamRequest {
  method: 'GET' | 'POST'
  url: string
  params?: object
  data?: unknown
  headers?: Record<string, string>
}

export interface UpstreamHttp {
  /** One call; every HTTP status is returned to the caller, which reads the envelope. Transport failures throw UpstreamError. */
  send: (request: UpstreamRequest) => Promise<AxiosResponse>
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

/** axios's own HTTP adapter (node:http underneath): its timeouts, errors, agents, FormData encoding and decompression. */
const httpAdapter = axios.getAdapter('http')

/** An answer's text as axios's default transformResponse reads it: JSON when it parses, else the text as it is. */
function parsedBody(data: unknown): unknown {
  if (typeof data !== 'string' || data === '')
    return data
  try {
    return JSON.parse(data)
  }
  catch {
    return data
  }
}

/**
 * One keep-alive client per upstream; every call is counted and timed by path, outcome and upstream code.
 *
 * Each call goes to axios's HTTP adapter with a config prepared once per client. `axios.request` would merge the
 * instance's defaults into every call's config, flatten the header buckets, check the options, run the interceptor
 * chain and the data transforms and build the headers twice: about 25 µs a call, a twentieth of a follow-up's CPU.
 * What it would add is done here: the Accept header, JSON bodies with their Content-Type, JSON answers parsed
 * leniently (text that is not JSON stays text, as axios's default transformResponse leaves it).
 */
export function createHttpClient(upstream: UpstreamName, baseURL: string, timeoutMs: number, metrics?: UpstreamMetrics): UpstreamHttp {
  const fixed = {
    baseURL,
    allowAbsoluteUrls: true,
    timeout: timeoutMs,
    httpAgent: new http.Agent(KEEP_ALIVE),
    httpsAgent: new https.Agent(KEEP_ALIVE),
    validateStatus: () => true,
    maxRedirects: 0,
    maxContentLength: -1,
    maxBodyLength: -1,
    proxy: false as const,
  }
  const configOf = ({ method, url, params, data, headers }: UpstreamRequest): InternalAxiosRequestConfig => {
    const axiosHeaders = new AxiosHeaders({ Accept: DEFAULT_ACCEPT, ...headers })
    const json = data !== undefined && !(data instanceof FormData)
    if (json)
      axiosHeaders.setContentType('application/json')
    return { ...fixed, method, url, params, data: json ? JSON.stringify(data) : data, headers: axiosHeaders }
  }
  const observe = (call: string, outcome: string, code: string, began: number) => {
    metrics?.upstreamCalls.inc({ upstream, call, outcome, code })
    metrics?.upstreamDuration.observe({ upstream, call, outcome }, (performance.now() - began) / 1000)
  }
  return {
    async send(request) {
      const call = request.url
      const began = performance.now()
      try {
        const response = await httpAdapter(configOf(request))
        response.data = parsedBody(response.data)
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
