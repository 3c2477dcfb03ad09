import type { OpeningResult } from './opening'
import type { ServerLoadResult } from './server-load'
import type { StartupResult } from './startup'
import type { WeightSet } from './weight'

export interface BudgetCheck { budget: string, figure: string, limit: string, met: boolean }

export const LIMITS = {
  openingColdMs: 1100,
  openingWarmMs: 600,
  apiRoundTrips: 2,
  initialGzipKB: 75,
  throughputRatio: 0.6,
  addedP50Ms: 1,
  startupMs: 1000,
} as const

export interface Measured {
  opening: OpeningResult
  initial: WeightSet
  server: ServerLoadResult
  startup: StartupResult
}

/** Every budget of issue 16 against this run's figures. */
export function checkBudgets({ opening, initial, server, startup }: Measured): BudgetCheck[] {
  const checks: BudgetCheck[] = [
    { budget: 'opening, cold (median)', figure: `${opening.coldMedianMs} ms`, limit: `<= ${LIMITS.openingColdMs} ms`, met: opening.coldMedianMs <= LIMITS.openingColdMs },
    { budget: 'opening, warm (median)', figure: `${opening.warmMedianMs} ms`, limit: `<= ${LIMITS.openingWarmMs} ms`, met: opening.warmMedianMs <= LIMITS.openingWarmMs },
    { budget: 'API round trips before the form is usable (worst visit)', figure: `${opening.maxApiRequests} (${opening.maxApiSequential} in sequence)`, limit: `<= ${LIMITS.apiRoundTrips}`, met: opening.maxApiRequests <= LIMITS.apiRoundTrips },
    { budget: 'first-screen JS + CSS, gzip', figure: `${(initial.total.gzip / 1024).toFixed(2)} KB`, limit: `<= ${LIMITS.initialGzipKB} KB`, met: initial.total.gzip / 1024 <= LIMITS.initialGzipKB },
  ]
  for (const c of server.comparisons) {
    checks.push({ budget: `${c.endpoint}: throughput ours/Express floor`, figure: `${c.throughputRatio}x`, limit: `>= ${LIMITS.throughputRatio}x`, met: c.throughputRatio >= LIMITS.throughputRatio })
    checks.push({ budget: `${c.endpoint}: added p50 over the floor`, figure: `${c.addedP50Ms} ms`, limit: `<= ${LIMITS.addedP50Ms} ms`, met: c.addedP50Ms <= LIMITS.addedP50Ms })
  }
  checks.push({ budget: 'server start-up (median)', figure: `${startup.medianMs} ms`, limit: `<= ${LIMITS.startupMs} ms`, met: startup.medianMs <= LIMITS.startupMs })
  return checks
}
