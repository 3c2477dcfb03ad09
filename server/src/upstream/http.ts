import type { AxiosInstance, AxiosRequestConfig, AxiosResponse } from 'axios'
import type { UpstreamName } from './upstream-error'
import http from 'node:http'
import https from 'node:https'
import axios from 'axios'
import { fromTransportError } from './upstream-error'

/** One keep-alive client per upstream; every status is returned to the caller, which reads the envelope. */
export function createHttpClient(baseURL: string, timeoutMs: number): AxiosInstance {
  return axios.create({
    baseURL,
    timeout: timeoutMs,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 128 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 128 }),
    validateStatus: () => true,
    maxRedirects: 0,
    proxy: false,
  })
}

export async function send(upstream: UpstreamName, client: AxiosInstance, config: AxiosRequestConfig): Promise<AxiosResponse> {
  try {
    return await client.request(config)
  }
  catch (error) {
    throw fromTransportError(upstream, error)
  }
}

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))
