import type { KeyValueStore } from '../../store/store'
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

// WeCom allows at most 128 bytes of [a-zA-Z0-9] in `state`, so the state is a signed nonce and returnTo waits in
// the store under it; taking it deletes it, so a state works once.
const TTL_MS = 10 * 60_000

export function createOAuthStates(store: KeyValueStore, secret: string) {
  const sign = (nonce: string) => createHmac('sha256', secret).update(`oauth-state:${nonce}`).digest('hex').slice(0, 32)

  return {
    async issue(returnTo: string): Promise<string> {
      const nonce = randomBytes(16).toString('hex')
      await store.set(`oauth:${nonce}`, returnTo, TTL_MS)
      return `${nonce}${sign(nonce)}`
    },

    /** The returnTo the state was issued for, or null when the state is forged, expired or already used. */
    async consume(state: unknown): Promise<string | null> {
      if (typeof state !== 'string' || !/^[0-9a-f]{64}$/.test(state))
        return null
      const nonce = state.slice(0, 32)
      const expected = Buffer.from(sign(nonce))
      if (!timingSafeEqual(expected, Buffer.from(state.slice(32))))
        return null
      const returnTo = await store.get(`oauth:${nonce}`)
      if (returnTo === null || !(await store.deleteIfEquals(`oauth:${nonce}`, returnTo)))
        return null
      return returnTo
    },
  }
}
