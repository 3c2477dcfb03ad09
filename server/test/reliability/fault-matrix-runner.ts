import type { TestServer } from '../support/harness'
import type { DriverContext, UploadedFile } from './drivers'
import type { CallRoute } from './fault-matrix'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer } from '../support/harness'
import { newKey } from '../support/submission'
import { smallPng } from './drivers'
import { expectationFor, FAULTS, MATRIX_TIMEOUT_MS, TOKEN_ENDPOINT } from './fault-matrix'
import { createFlushableStore } from './flushable-store'
import { expectErrorPage, expectErrorShape, sleep } from './response-checks'

/** Drives each fault on each call through its endpoint, against one server whose store is emptied per case. */
export function defineFaultMatrix(label: string, routes: CallRoute[]) {
  const store = createFlushableStore()
  let server: TestServer
  let ctx: DriverContext
  const covered = new Set<string>()

  beforeAll(async () => {
    server = await startTestServer({
      store,
      env: { UPSTREAM_TIMEOUT_MS: String(MATRIX_TIMEOUT_MS), RATE_LIMIT_API_PER_USER: '100000', RATE_LIMIT_AUTH_PER_IP: '100000' },
    })
    const cookie = await server.login('zhangwei')
    const file: UploadedFile = (await server.api('/api/files', { method: 'POST', form: smallPng(), cookie })).body
    ctx = { server, cookie, file }
  })
  afterAll(async () => {
    await server.close()
    const calls = [...new Set(routes.map(r => r.call))]
    console.log(`fault matrix (${label}): ${covered.size} of ${FAULTS.length * routes.length} fault x call cases passed: ${FAULTS.length} faults x ${calls.length} upstream calls (${calls.join(', ')}) through ${[...new Set(routes.map(r => r.driver.name))].join(', ')}`)
  })
  beforeEach(() => {
    server.sandbox.faults.clear()
    store.flush()
  })

  const cases = routes.flatMap(route => FAULTS.map(fault => ({ route, fault, expected: expectationFor(route, fault) })))

  describe(`upstream faults (${label}): what the client gets, health, records upstream and recovery`, () => {
    it.each(cases.map(c => [c.route.call, c.fault.name, c.route.driver.name, c.expected.status, c]))(
      '%s %s via %s answers %i',
      async (_call, _fault, _driver, _status, { route, fault, expected }) => {
        const { call, driver } = route
        const { sandbox } = server
        const written = () => driver.writes?.(sandbox) ?? 0
        const recordsBefore = written()
        const send = await driver.prepare(ctx)
        const tokenFetchesBefore = sandbox.records.count(TOKEN_ENDPOINT(call))
        sandbox.faults.set(call, fault.fault, fault.options)
        const key = newKey()
        const started = Date.now()
        const response = await send(key)

        expect(response.status).toBe(expected.status)
        if (expected.code) {
          if (driver.html)
            expectErrorPage(response)
          else
            expectErrorShape(response, expected.code)
          if (expected.status === 503)
            expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
        }
        if (fault.fault.kind === 'tokenExpired' && !expected.code)
          expect(sandbox.records.count(TOKEN_ENDPOINT(call)) - tokenFetchesBefore, 'healed by exactly one refresh').toBe(2)
        if (driver.html && !expected.code)
          expect(response.headers.getSetCookie().some(c => c.startsWith('fu_session='))).toBe(true)

        expect((await server.api('/healthz')).status).toBe(200)

        // A follow-up held by a slow 谱蓝云 lands after the answer: wait for it before counting records.
        const sent = () => written() - recordsBefore
        if (fault.fault.kind === 'slow' && expected.records === 1) {
          await sleep(fault.fault.delayMs - (Date.now() - started) + 150)
          // On a loaded machine the delayed request may land a little later still; wait for it, within a limit.
          for (let waited = 0; sent() < 1 && waited < 3000; waited += 50)
            await sleep(50)
        }
        expect(sent()).toBe(expected.records ?? 0)
        if (expected.keyKept) {
          const retry = await send(key)
          expect(retry.status).toBe(expected.status)
          expect(retry.headers.get('idempotent-replayed')).toBe('true')
          expect(sent()).toBe(expected.records)
        }

        sandbox.faults.clear()
        if (expected.records !== undefined) {
          // The same key once 谱蓝云 is healthy again: a kept key replays its answer, a released one is sent once.
          const retry = await send(key)
          const settledRecords = expected.keyKept === false ? 1 : expected.records
          expect(retry.status).toBe(expected.keyKept === false ? 201 : expected.status)
          expect(retry.headers.get('idempotent-replayed')).toBe(expected.keyKept === false ? null : 'true')
          expect(sent(), 'one key, at most one record').toBe(settledRecords)
        }
        const recordsBeforeRecovery = sent()
        const recovered = await (await driver.prepare(ctx))()
        expect(recovered.status, 'works again without a restart').toBe(driver.okStatus)
        expect(sent() - recordsBeforeRecovery).toBe(expected.records === undefined ? 0 : 1)
        covered.add(`${fault.name} x ${call} via ${driver.name}`)
      },
    )
  })
}
