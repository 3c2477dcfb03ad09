import type { Tally } from './tally'

/**
 * The run's end cuts off answers that were in flight; the page's outbox would send those again with the same key.
 * Doing so gets each its answer (a replay of the stored 201) without a second record upstream.
 */
export async function resendUnanswered(url: string, tally: Tally): Promise<void> {
  const pending = tally.unanswered()
  for (let i = 0; i < pending.length; i += 50) {
    await Promise.all(pending.slice(i, i + 50).map(async ([key, sent]) => {
      const response = await fetch(`${url}/api/follow-ups`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cookie': sent.cookie, 'idempotency-key': key },
        body: sent.body,
      })
      await response.arrayBuffer()
      tally.resent.add(key)
      tally.answered(key, response.status)
    }))
  }
}
