import type { AxiosRequestConfig, AxiosResponse } from 'axios'
import type { UpstreamMetrics } from '../metrics/metrics'
import type { UpstreamName } from './upstream-error'
import http from 'node:http'
import https from 'node:https'
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

/** One keep-alive client per upstream; every call is counted and timed by path, outcome and upstream code. */
export function createHttpClient(upstream: UpstreamName, baseURL: string, timeoutMs: number, metrics?: UpstreamMetrics): UpstreamHttp {
  const client = axios.create({
    baseURL,
    timeout: timeoutMs,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 128 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 128 }),
    validateStatus: () => true,
    maxRedirects: 0,
    proxy: false,
  })
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

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))
