import type { TestServer } from '../../test/support/harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smallPng } from '../../test/reliability/drivers'
import { startTestServer } from '../../test/support/harness'
import { CHEN_JING, fullSubmission, newKey } from '../../test/support/submission'

/** One sample of the exposition text, by metric name and exact labels (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`)
  const line = text.split('\n').find(l => l.startsWith(`${name}{`) && wanted.every(w => l.includes(w)))
  return line ? Number(line.split(' ').at(-1)) : 0
}

describe('prometheus metrics', () => {
  let server: TestServer
  let cookie: string
  const scrape = async () => {
    const response = await fetch(server.metricsUrl!)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain')
    return response.text()
  }

  beforeAll(async () => {
    server = await startTestServer()
    cookie = await server.login()
  })
  afterAll(() => server.close())

  it('listens on a loopback port of its own, not on the app\'s port', async () => {
    expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/)
    expect(server.metricsUrl).not.toContain(new URL(server.url).host)
    const onAppPort = await server.api('/metrics')
    expect(onAppPort.status).not.toBe(200)
    expect(String(onAppPort.body)).not.toContain('followup_')
    expect((await fetch(server.metricsUrl!.replace('/metrics', '/'))).status).toBe(404)
  })

  it('one follow-up moves the request, upstream and idempotency counters by one each', async () => {
    const file = (await server.api('/api/files', { method: 'POST', form: smallPng(), cookie })).body
    const submission = fullSubmission(file, { stageId: CHEN_JING.stageId })
    await server.api(`/api/customers/${CHEN_JING.externalUserId}/context`, { cookie })
    const before = await scrape()
    const key = newKey()
    const answer = await server.api('/api/follow-ups', { body: submission, cookie, headers: { 'idempotency-key': key } })
    expect(answer.status).toBe(201)
    const after = await scrape()

    const request = { route: '/api/follow-ups/', method: 'POST', status: '201' }
    expect(sample(after, 'followup_http_requests_total', request) - sample(before, 'followup_http_requests_total', request)).toBe(1)
    expect(sample(after, 'followup_http_request_duration_seconds_count', request) - sample(before, 'followup_http_request_duration_seconds_count', request)).toBe(1)
    const addFollow = { upstream: 'pulan', call: '/open-api/customer/biz-submit/add-follow', outcome: 'ok', code: '0' }
    expect(sample(after, 'followup_upstream_calls_total', addFollow) - sample(before, 'followup_upstream_calls_total', addFollow)).toBe(1)
    expect(sample(after, 'followup_idempotency_outcomes_total', { outcome: 'new' }) - sample(before, 'followup_idempotency_outcomes_total', { outcome: 'new' })).toBe(1)

    await server.api('/api/follow-ups', { body: submission, cookie, headers: { 'idempotency-key': key } })
    await server.api('/api/follow-ups', { body: { ...submission, remark: '另一份' }, cookie, headers: { 'idempotency-key': key } })
    const last = await scrape()
    expect(sample(last, 'followup_idempotency_outcomes_total', { outcome: 'replayed' })).toBe(1)
    expect(sample(last, 'followup_idempotency_outcomes_total', { outcome: 'refused' })).toBe(1)
  })

  it('a report from the page counts one client failure by call, keyword and platform', async () => {
    const labels = { api: 'agentConfig', keyword: 'invalid signature', platform: 'windows' }
    const before = await scrape()
    expect((await server.api('/api/client-reports', { body: { ...labels, entry: 'single_chat_tools' }, cookie })).status).toBe(204)
    const after = await scrape()
    expect(sample(after, 'followup_client_reports_total', labels) - sample(before, 'followup_client_reports_total', labels)).toBe(1)
  })

  it('a WeCom 40014 counts the rejected call and exactly one access-token refresh', async () => {
    const { corpId, agentId } = server.config.wecom
    await server.deps.store.set(`wecom:${corpId}:${agentId}:access_token`, 'wecom-not-issued', 60_000)
    const refresh = { upstream: 'wecom', token: 'access_token', outcome: 'ok' }
    const rejected = { upstream: 'wecom', call: '/cgi-bin/externalcontact/get', outcome: 'rejected', code: '40014' }
    const before = await scrape()
    expect((await server.api(`/api/customers/${CHEN_JING.externalUserId}/context`, { cookie })).status).toBe(200)
    const after = await scrape()
    expect(sample(after, 'followup_upstream_calls_total', rejected) - sample(before, 'followup_upstream_calls_total', rejected)).toBe(1)
    expect(sample(after, 'followup_token_refreshes_total', refresh) - sample(before, 'followup_token_refreshes_total', refresh)).toBe(1)
  })
})

describe('metrics on the app\'s port with a bearer token', () => {
  const token = 'metrics-token-that-is-long-enough-0123456789'
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ env: { METRICS_TOKEN: token, METRICS_PORT: 'off' } })
  })
  afterAll(() => server.close())

  it('answers only the scraper that presents the token', async () => {
    expect(server.metricsUrl).toBeUndefined()
    expect((await server.api('/metrics')).status).toBe(401)
    expect((await server.api('/metrics', { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401)
    const scraped = await server.api('/metrics', { headers: { authorization: `Bearer ${token}` } })
    expect(scraped.status).toBe(200)
    expect(scraped.body).toContain('followup_http_requests_total')
  })
})
