/** The sandbox's own bounds: it runs beside the app (also in production demos), so nothing it keeps grows forever. */
export const SANDBOX_BOUNDS = { requests: 50_000, addFollows: 20_000, files: 500, fileBytes: 200 * 1024 * 1024, tokens: 10_000, codes: 10_000 }

/** Drops the oldest entries (Map insertion order) until at most `max` remain. */
export function trimMap<K, V>(map: Map<K, V>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max)
      return
    map.delete(key)
  }
}

/**
 * Keeps at most `max` items, the newest. Past the bound it drops the oldest down to nine tenths of it at once, so a
 * store at its bound does not shift every item on each push: trimming one at a time made each upstream call cost
 * O(bound) once the sandbox had 20k follow-ups, and it slowed down in the middle of a benchmark.
 */
export function trimArray<T>(items: T[], max: number): void {
  if (items.length > max)
    items.splice(0, items.length - Math.floor(max * 0.9))
}
