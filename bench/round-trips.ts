export interface TimedRequest { name: string, startTime: number, responseEnd: number }
export interface RoundTrips {
  /** Requests to /api/* started before the form was usable. */
  requests: { name: string, startMs: number, endMs: number }[]
  /** The longest chain of those requests where each started after the previous one had answered. */
  sequential: number
}

/** Counts the /api/* requests started before `readyMs`, and how many of them had to wait for one another. */
export function apiRoundTrips(resources: readonly TimedRequest[], readyMs: number): RoundTrips {
  const api = resources
    .filter(r => r.name.startsWith('/api/') && r.startTime < readyMs)
    .sort((a, b) => a.startTime - b.startTime)
  const depth: number[] = []
  api.forEach((request, i) => {
    const before = api.slice(0, i).map((other, j) => (other.responseEnd <= request.startTime ? depth[j]! : 0))
    depth.push(1 + Math.max(0, ...before))
  })
  return {
    requests: api.map(r => ({ name: r.name, startMs: Math.round(r.startTime), endMs: Math.round(r.responseEnd) })),
    sequential: Math.max(0, ...depth),
  }
}
