import { randomUUID } from 'node:crypto'
import autocannon from 'autocannon'
import { round } from './stats'

export interface LoadFigures {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  requests: number
  non2xx: number
  errors: number
}

export interface LoadRequest {
  url: string
  body: unknown
  headers?: Record<string, string>
  /** A fresh Idempotency-Key on every request. */
  uniqueIdempotencyKey?: boolean
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN
}

interface LoadRun { latencies: number[], requests: number, non2xx: number, errors: number }

async function load(request: LoadRequest, seconds: number, connections: number): Promise<LoadRun> {
  const latencies: number[] = []
  const options: autocannon.Options = {
    url: request.url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...request.headers },
    body: JSON.stringify(request.body),
    ...(request.uniqueIdempotencyKey && {
      requests: [{
        setupRequest: req => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }),
      }],
    }),
  }
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)))
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300)
        latencies.push(responseTime)
    })
  })
  return { latencies, requests: result.requests.total, non2xx: result.non2xx, errors: result.errors + result.timeouts }
}

function figuresOf(runs: LoadRun[], seconds: number): LoadFigures {
  const latencies = runs.flatMap(run => run.latencies).sort((a, b) => a - b)
  const sum = (pick: (run: LoadRun) => number) => runs.reduce((total, run) => total + pick(run), 0)
  return {
    requestsPerSecond: round(latencies.length / seconds, 0),
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    requests: sum(run => run.requests),
    non2xx: sum(run => run.non2xx),
    errors: sum(run => run.errors),
  }
}

/**
 * POSTs the same JSON body over `connections` keep-alive connections for `seconds`. Latencies are taken from each
 * response's own duration (autocannon's histogram keeps whole milliseconds, too coarse for a 1 ms budget).
 */
export async function postLoad(request: LoadRequest, seconds: number, connections = 10): Promise<LoadFigures> {
  return figuresOf([await load(request, seconds, connections)], seconds)
}

/**
 * Loads several servers for `seconds` each, in `rounds` slices taken in turn (the order reversed every other round),
 * and pools each one's slices: a slow spell of this shared machine then falls on all of them alike, not on whichever
 * happened to run in it.
 */
export async function interleavedLoad(requests: LoadRequest[], seconds: number, rounds: number, connections = 10): Promise<LoadFigures[]> {
  const runs: LoadRun[][] = requests.map(() => [])
  const slice = seconds / rounds
  for (let round = 0; round < rounds; round++) {
    const order = requests.map((_, i) => i)
    for (const i of round % 2 ? order.reverse() : order)
      runs[i]!.push(await load(requests[i]!, slice, connections))
  }
  return runs.map(run => figuresOf(run, seconds))
}

/** Fails the bench when a run answered errors: its figures would measure the wrong thing. */
export function assertHealthy(name: string, figures: LoadFigures) {
  const bad = figures.non2xx + figures.errors
  if (!figures.requests || bad > figures.requests * 0.001)
    throw new Error(`${name}: ${bad} of ${figures.requests} requests failed (non-2xx ${figures.non2xx}, errors ${figures.errors})`)
}
