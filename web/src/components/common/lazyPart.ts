import type { Component } from 'vue'
import { defineAsyncComponent, h } from 'vue'
import PartLoadProblem from './PartLoadProblem.vue'

/** How long a part of the form may take to arrive before the salesperson is told (and offered a reload). */
export const PART_LIMIT_MS = 20_000
const RETRIES = 2

/**
 * A part of the form that is its own file: loaded on first use (or earlier, by whoever calls its loader), tried twice
 * more when it fails, and after that, or after the limit, a Chinese message with 重新加载 in its place, never a gap
 * (`card`: in a card of its own, for a part that stands on the page rather than inside a section).
 */
export function lazyPart(loader: () => Promise<{ default: Component }>, what: string, { limitMs = PART_LIMIT_MS, card = false } = {}) {
  return defineAsyncComponent({
    loader,
    errorComponent: { name: 'PartLoadProblemOf', render: () => h(PartLoadProblem, { what, card }) },
    timeout: limitMs,
    onError: (_error, retry, fail, attempts) => (attempts <= RETRIES ? setTimeout(retry, 500 * attempts) : fail()),
  })
}
