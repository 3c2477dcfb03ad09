import type { Try } from './http'
import { describe, expect, it } from 'vitest'
import { retryWhileBusy } from './http'
import { UpstreamError } from './upstream-error'

// A Retry-After of 4 ms keeps the waits (1, 2, 4 ms) short.
const busy = (code: number) => ({ busy: new UpstreamError('wecom', 'rate-limited', false, { code, retryAfterSeconds: 0.004 }) })

function scripted<T>(answers: Try<T>[]) {
  let tries = 0
  return { once: async () => answers[tries++]!, tries: () => tries }
}

describe('retryWhileBusy', () => {
  it('asks again while the upstream is busy and returns the first answer', async () => {
    const upstream = scripted([busy(45009), busy(45033), { answer: 'ok' }])
    await expect(retryWhileBusy(2, upstream.once)).resolves.toBe('ok')
    expect(upstream.tries()).toBe(3)
  })

  it('gives up after the allowed retries with the last busy error', async () => {
    const upstream = scripted([busy(45009), busy(45033), busy(-1), { answer: 'too late' }])
    await expect(retryWhileBusy(2, upstream.once)).rejects.toMatchObject({ kind: 'rate-limited', detail: { code: -1 } })
    expect(upstream.tries()).toBe(3)
  })

  it('does not retry a failure that is not "busy"', async () => {
    let tries = 0
    const refused = new UpstreamError('pulan', 'rejected', false, { code: 500 })
    await expect(retryWhileBusy(2, async () => {
      tries++
      throw refused
    })).rejects.toBe(refused)
    expect(tries).toBe(1)
  })
})
