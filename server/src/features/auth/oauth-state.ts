import type { KeyValueStore } from '../../store/store'
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

// WeCom allows at most 128 bytes of [a-zA-Z0-9] in `state`, so the state is a signed nonce and returnTo waits in
// the store under it, with the browser that asked; taking it deletes it, so a state works once.
export const OAUTH_STATE_TTL_MS = 10 * 60_000

interface StateRecord { returnTo: string, browser: string }

export function createOAuthStates(store: KeyValueStore, secret: string) {
  const sign = (nonce: string) => createHmac('sha256', secret).update(`oauth-state:${nonce}`).digest('hex').slice(0, 32)

  return {
    /** `browser` is the sign-in binding cookie of the browser that started the sign-in. */
    async issue(returnTo: string, browser: string): Promise<string> {
      const nonce = randomBytes(16).toString('hex')
      const record: StateRecord = { returnTo, browser }
      await store.set(`oauth:${nonce}`, JSON.stringify(record), OAUTH_STATE_TTL_MS)
      return `${nonce}${sign(nonce)}`
    },

    /**
     * The returnTo the state was issued for, or null when the state is forged, expired, already used, or was issued
     * to another browser (a callback link from someone else's sign-in must not sign this browser in).
     */
    async consume(state: unknown, browser: string | null): Promise<string | null> {
      if (typeof state !== 'string' || !/^[0-9a-f]{64}$/.test(state) || !browser)
        return null
      const nonce = state.slice(0, 32)
      const expected = Buffer.from(sign(nonce))
      if (!timingSafeEqual(expected, Buffer.from(state.slice(32))))
        return null
      const stored = await store.get(`oauth:${nonce}`)
      const record = stored === null ? null : parseRecord(stored)
      if (!record || !sameText(record.browser, browser))
        return null
      if (!(await store.deleteIfEquals(`oauth:${nonce}`, stored!)))
        return null
      return record.returnTo
    },
  }
}

function parseRecord(stored: string): StateRecord | null {
  try {
    const record = JSON.parse(stored) as Partial<StateRecord>
    return typeof record.returnTo === 'string' && typeof record.browser === 'string' ? record as StateRecord : null
  }
  catch {
    return null
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
