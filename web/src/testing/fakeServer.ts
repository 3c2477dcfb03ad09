import type { AxiosAdapter, InternalAxiosRequestConfig } from 'axios'
import { AxiosError } from 'axios'
import { http } from '../api/http'

export interface FakeRequest { method: string, url: string, headers: Record<string, string>, body: unknown }
export type FakeReply = { status: number, body?: unknown } | 'network-error'
type Handler = (request: FakeRequest) => FakeReply | Promise<FakeReply>

/** A tiny in-memory server behind axios's adapter: the app's own functions run unchanged. */
export function installFakeServer() {
  const routes: { method: string, path: string | RegExp, handler: Handler }[] = []
  const requests: FakeRequest[] = []

  const adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig) => {
    const method = (config.method ?? 'get').toUpperCase()
    const url = config.url ?? ''
    const headers = Object.fromEntries(Object.entries(config.headers?.toJSON() ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]))
    const body = typeof config.data === 'string' ? JSON.parse(config.data) : config.data
    const request = { method, url, headers, body }
    requests.push(request)
    const route = routes.find(r => r.method === method && (typeof r.path === 'string' ? r.path === url : r.path.test(url)))
    const reply: FakeReply = route ? await route.handler(request) : { status: 404, body: { error: { code: 'NOT_FOUND', message: '没有这个接口' } } }
    if (reply === 'network-error')
      throw new AxiosError('Network Error', 'ERR_NETWORK', config)
    const response = { data: reply.body, status: reply.status, statusText: String(reply.status), headers: {}, config }
    if (reply.status >= 400)
      throw new AxiosError(`Request failed with status code ${reply.status}`, 'ERR_BAD_RESPONSE', config, null, response)
    return response
  }
  const previous = http.defaults.adapter
  http.defaults.adapter = adapter

  return {
    requests,
    on(method: string, path: string | RegExp, handler: Handler) {
      routes.unshift({ method, path, handler })
    },
    restore() {
      http.defaults.adapter = previous
    },
  }
}

export function errorReply(status: number, code: string, message: string, fieldErrors?: Record<string, string[]>): FakeReply {
  return { status, body: { error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } } }
}
