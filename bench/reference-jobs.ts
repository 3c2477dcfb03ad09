// What the two reference servers do per request, the minimum each job needs (no session, no validation, no logging,
// no idempotency): bench/bare-server.ts serves it with node:http, bench/express-floor.ts with Express 5.
import { createHash, randomBytes } from 'node:crypto'
import http from 'node:http'
import { SANDBOX_CREDENTIALS as C } from '@app/server/demo-data'
import { DEFAULT_PULAN_PATHS } from '@app/server/pulan-paths'
import axios from 'axios'

export function setting(name: string): string {
  const value = process.env[name]
  if (!value)
    throw new Error(`${name} is not set`)
  return value
}
const pulanBase = setting('BARE_PULAN_BASE_URL')
const wecomBase = setting('BARE_WECOM_BASE_URL')
/** The add-follow fields our server fills from the template and the session (captured from what it sent). */
const fixed = JSON.parse(setting('BARE_ADD_FOLLOW_FIXED')) as Record<string, unknown>
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 })
/**
 * BARE_CLIENT=axios: the upstream calls go through axios as an Express app would make them (`instance.request`, the
 * same keep-alive agent). The design card makes axios the server's upstream client; this floor shows how much of the
 * distance between ours and the floor is axios's own cost (information, not a budget).
 */
const viaAxios = process.env.BARE_CLIENT === 'axios'
const axiosClient = axios.create({ httpAgent: agent, timeout: 10_000 })

function upstream(method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, body?: string): Promise<any> {
  if (viaAxios)
    return axiosClient.request({ method, url, headers: body ? { ...headers, 'content-type': 'application/json' } : headers, data: body }).then(response => response.data)
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, agent, headers: body ? { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())))
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end(body)
  })
}

const pulanToken = (await upstream('GET', `${pulanBase}${DEFAULT_PULAN_PATHS.token}?appKey=${C.appKey}&appSecret=${C.appSecret}`)).data.accessToken as string
const wecomToken = (await upstream('GET', `${wecomBase}/cgi-bin/gettoken?corpid=${C.corpId}&corpsecret=${C.corpSecret}`)).access_token as string
const jsapiTicket = (await upstream('GET', `${wecomBase}/cgi-bin/get_jsapi_ticket?access_token=${wecomToken}`)).ticket as string
const agentTicket = (await upstream('GET', `${wecomBase}/cgi-bin/ticket/get?access_token=${wecomToken}&type=agent_config`)).ticket as string
const bearer = { authorization: `Bearer ${pulanToken}` }

function sign(ticket: string, url: string) {
  const nonceStr = randomBytes(12).toString('base64url')
  const timestamp = Math.floor(Date.now() / 1000)
  const signature = createHash('sha1').update(`jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${url}`).digest('hex')
  return { timestamp, nonceStr, signature }
}

/** Our server also reads the customer (WeCom and 谱蓝云) and their opportunities before posting: the same calls, bare. */
async function sameReads(externalUserId: string) {
  await Promise.all([
    upstream('GET', `${wecomBase}/cgi-bin/externalcontact/get?access_token=${wecomToken}&external_userid=${externalUserId}`),
    upstream('GET', `${pulanBase}${DEFAULT_PULAN_PATHS.customer}?externalUserId=${externalUserId}`, bearer).then(customer =>
      upstream('GET', `${pulanBase}${DEFAULT_PULAN_PATHS.opportunities}?customerId=${customer.data.customerId}`, bearer)),
  ])
}

export async function followUp(submission: any, withReads: boolean) {
  if (withReads)
    await sameReads(submission.externalUserId)
  const { businessId, stageId, result, nextTime, actualStartTime, actualEndTime, remark } = submission
  const answer = await upstream('POST', `${pulanBase}${DEFAULT_PULAN_PATHS.addFollow}`, bearer, JSON.stringify({ ...fixed, businessId, stageId, result, nextTime, actualStartTime, actualEndTime, remark }))
  return answer.code === 0 ? [201, { businessId, stageId, submittedAt: new Date().toISOString() }] as const : [502, { error: { code: 'UPSTREAM', message: answer.msg } }] as const
}

export function jssdkConfig(body: { url: string }) {
  const url = body.url.split('#')[0]!
  return [200, { corpId: C.corpId, agentId: C.agentId, config: sign(jsapiTicket, url), agentConfig: sign(agentTicket, url) }] as const
}
