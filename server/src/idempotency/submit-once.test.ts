import type { KeyValueStore } from '../store/store'
import { describe, expect, it, vi } from 'vitest'
import { AppError } from '../errors'
import { createMemoryStore } from '../store/memory-store'
import { UpstreamError } from '../upstream/upstream-error'
import { createIdempotency } from './idempotency'
import { submitOnce } from './submit-once'

const WORDS = { what: '这件事', outcomeUnknown: '结果未知' }
const log = { error: vi.fn(), warn: vi.fn() }

function setUp(store: KeyValueStore = createMemoryStore()) {
  const idempotency = createIdempotency(store)
  const run = (write: () => Promise<{ status: number, body: unknown }>, body: unknown = { a: 1 }, key = 'k1', check = async () => {}) =>
    submitOnce(idempotency, { owner: 'zhangwei', key, body, requestId: 'r1', log }, WORDS, { check, write })
  return { run, idempotency }
}
const ok = async () => ({ status: 201, body: { done: true } })
function failing(error: unknown) {
  return async () => {
    throw error
  }
}
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: AppError) => error.code)

describe('submitOnce', () => {
  it('sends once and replays the answer for the same key and body (fields in any order)', async () => {
    const { run } = setUp()
    const send = vi.fn(ok)
    expect(await run(send, { a: 1, b: 2 })).toEqual({ status: 201, body: { done: true }, replayed: false })
    expect(await run(send, { b: 2, a: 1 })).toEqual({ status: 201, body: { done: true }, replayed: true })
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('refuses the key with another body, and a second request while the first runs', async () => {
    const { run } = setUp()
    let finish!: () => void
    const first = run(() => new Promise(resolve => (finish = () => resolve({ status: 201, body: {} }))))
    await expect(run(ok)).rejects.toMatchObject({ status: 409, code: 'IDEMPOTENCY_IN_FLIGHT', message: '这件事正在提交中，请稍候' })
    finish()
    await first
    expect(await codeOf(run(ok, { a: 2 }))).toBe('IDEMPOTENCY_KEY_REUSED')
  })

  it.each([
    ['a failure in the checks before the write', 'check', new AppError(422, 'BUSINESS_LINE_NOT_FOUND', '不存在'), 'BUSINESS_LINE_NOT_FOUND'],
    ['a write that surely did not arrive', 'write', new UpstreamError('pulan', 'unreachable', false), 'UPSTREAM_UNAVAILABLE'],
    ['a write refused for rate limiting', 'write', new UpstreamError('pulan', 'rate-limited', false), 'UPSTREAM_UNAVAILABLE'],
  ])('releases the key after %s, so the retry sends', async (_name, step, error, code) => {
    const { run } = setUp()
    const failed = step === 'check' ? run(ok, undefined, undefined, failing(error)) : run(failing(error))
    expect(await codeOf(failed)).toBe(code)
    const send = vi.fn(ok)
    expect((await run(send)).replayed).toBe(false)
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('releases the key after a lookup in the checks timed out (a read, not the write), so the retry sends', async () => {
    const { run } = setUp()
    const lookup = new UpstreamError('pulan', 'timeout', true)
    await expect(run(ok, undefined, undefined, failing(lookup))).rejects.toBe(lookup)
    const send = vi.fn(ok)
    expect((await run(send)).replayed).toBe(false)
    expect(send).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['a write that may have arrived', new UpstreamError('pulan', 'timeout', true), 504, 'UPSTREAM_OUTCOME_UNKNOWN'],
    ['a write the upstream refused', new UpstreamError('pulan', 'rejected', false, { code: 2001, msg: '业务线不存在' }), 502, 'UPSTREAM_REJECTED'],
  ])('keeps the key after %s and replays the answer instead of sending again', async (_name, upstream, status, code) => {
    const { run } = setUp()
    const first = await run(failing(upstream))
    expect(first).toMatchObject({ status, replayed: false, body: { error: { code, requestId: 'r1' } } })
    const send = vi.fn(ok)
    expect(await run(send)).toMatchObject({ status, replayed: true })
    expect(send).not.toHaveBeenCalled()
  })

  it('still answers the success when the store cannot remember it, and the key stays in flight', async () => {
    const store = createMemoryStore()
    const { run } = setUp(store)
    const set = vi.spyOn(store, 'set').mockRejectedValueOnce(new Error('store down'))
    expect(await run(ok)).toEqual({ status: 201, body: { done: true }, replayed: false })
    expect(log.error).toHaveBeenCalled()
    set.mockRestore()
    expect(await codeOf(run(ok))).toBe('IDEMPOTENCY_IN_FLIGHT')
  })
})
