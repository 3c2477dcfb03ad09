import type { BudgetCheck } from './budgets'
import type { CpuProfileResult } from './cpu-profile'
import type { ModulesResult } from './modules'
import type { OpeningResult, Visit } from './opening'
import type { ServerLoadResult } from './server-load'
import type { StartupResult } from './startup'
import type { WeightSet } from './weight'
import { fmtKB, fmtMs, table } from './table'

export function weightTable(title: string, set: WeightSet): string {
  const rows = set.files.map(f => [f.file, fmtKB(f.raw), fmtKB(f.gzip), fmtKB(f.brotli)])
  rows.push(['TOTAL', fmtKB(set.total.raw), fmtKB(set.total.gzip), fmtKB(set.total.brotli)])
  return `${title}\n${table(['file', 'raw', 'gzip', 'brotli'], rows)}`
}

export function modulesTable(result: ModulesResult, top = 15): string {
  const share = (bytes: number) => `${((bytes / result.initialJsBytes) * 100).toFixed(1)}%`
  const packages = table(['package or folder (initial JS)', 'minified', 'share'], result.packagesInitial.slice(0, 12).map(p => [p.name, fmtKB(p.bytes), share(p.bytes)]))
  const modules = table(['largest modules', 'minified', 'first load?'], result.modules.slice(0, top).map(m => [m.source, fmtKB(m.bytes), m.initial ? 'initial' : 'lazy']))
  return `Where the initial JS bytes come from (minified, before compression; sourcemap build)\n${packages}\n\n${modules}`
}

/** The phases of one visit, on the page's clock (0 = navigation start). */
export function visitBreakdown(title: string, visit: Visit, initial: Set<string>): string {
  const { timings, readyMs } = visit
  const before = timings.resources.filter(r => r.startTime < readyMs)
  const assets = before.filter(r => r.name.startsWith('/assets/'))
  const first = assets.filter(r => initial.has(r.name.slice(1)))
  const lazy = assets.filter(r => !initial.has(r.name.slice(1)))
  const end = (list: typeof assets) => (list.length ? fmtMs(Math.max(...list.map(r => r.responseEnd))) : '-')
  const bytes = timings.navigation.transferSize + before.reduce((total, r) => total + r.transferSize, 0)
  const rows: string[][] = [
    ['HTML first byte / last byte', `${fmtMs(timings.navigation.responseStart)} / ${fmtMs(timings.navigation.responseEnd)}`],
    [`initial JS+CSS (${first.length} files) downloaded`, end(first)],
    ['DOMContentLoaded (initial JS parsed and run)', fmtMs(timings.navigation.domContentLoadedEventEnd)],
    [`lazy chunks for the first screen (${lazy.length} files) downloaded`, end(lazy)],
    ...visit.api.requests.map(r => [`API ${r.name}`, `${fmtMs(r.startMs)} -> ${fmtMs(r.endMs)}`]),
    ...(timings.marks ?? []).filter(m => m.startTime <= readyMs).map(m => [`page mark ${m.name}`, fmtMs(m.startTime)]),
    ['form usable (DOM) / painted frame', `${fmtMs(visit.domReadyMs)} / ${fmtMs(readyMs)}`],
    ['bytes on the wire before usable', fmtKB(bytes)],
    ['JS/CSS compressed on the wire (encoded < decoded)', assets.some(r => r.encodedBodySize > 0 && r.encodedBodySize < r.decodedBodySize) ? 'yes' : 'no'],
  ]
  return `${title}\n${table(['phase', 'at'], rows)}`
}

export function openingTable(result: OpeningResult): string {
  const rows = result.cold.map((cold, i) => {
    const warm = result.warm[i]!
    const sameTab = result.sameTab[i]!
    return [String(i + 1), fmtMs(cold.readyMs), fmtMs(warm.readyMs), fmtMs(sameTab.readyMs), `${cold.api.requests.length} / ${warm.api.requests.length}`]
  })
  rows.push(['median', fmtMs(result.coldMedianMs), fmtMs(result.warmMedianMs), fmtMs(result.sameTabMedianMs), ''])
  return `Opening: navigation -> customer shown and submit enabled (375x667, CPU 4x slower, 150 ms RTT, 1.6 Mbps down / 750 kbps up)
warm: a new page (a new renderer process); again in that tab (information, no budget): the warm visit's tab opens the page once more
${table(['run', 'cold', 'warm', 'again in that tab', 'API requests cold / warm'], rows)}`
}

/** An added time with its sign: +1.2 ms, -0.09 ms. */
function signedMs(ms: number): string {
  return `${ms < 0 ? '-' : '+'}${Math.abs(ms)} ms`
}

export function serverTable(result: ServerLoadResult): string {
  const rows: string[][] = []
  for (const c of result.comparisons) {
    rows.push([c.endpoint, 'ours', String(c.ours.requestsPerSecond), `${c.ours.p50Ms} ms`, `${c.ours.p99Ms} ms`, `${c.throughputRatio}x`, signedMs(c.addedP50Ms), `${c.bareRatio}x`])
    rows.push(['', 'Express floor', String(c.floor.requestsPerSecond), `${c.floor.p50Ms} ms`, `${c.floor.p99Ms} ms`, '', '', ''])
    rows.push(['', 'bare node:http', String(c.bare.requestsPerSecond), `${c.bare.p50Ms} ms`, `${c.bare.p99Ms} ms`, '', '', ''])
    if (c.bareSameCalls)
      rows.push(['', 'bare, same 4 upstream calls', String(c.bareSameCalls.requestsPerSecond), `${c.bareSameCalls.p50Ms} ms`, `${c.bareSameCalls.p99Ms} ms`, '', '', ''])
    if (c.floorAxios)
      rows.push(['', 'Express floor, upstream via axios (information)', String(c.floorAxios.requestsPerSecond), `${c.floorAxios.p50Ms} ms`, `${c.floorAxios.p99Ms} ms`, `${c.floorAxios.throughputRatio}x`, signedMs(c.floorAxios.addedP50Ms), ''])
  }
  return `Server on loopback (${result.connections} connections, ${result.seconds} s each in ${result.rounds} interleaved slice(s), the same requests to every server; the sandbox in its own process)\n${table(['endpoint', 'server', 'req/s', 'p50', 'p99', 'ours/floor', 'added p50', 'ours/bare'], rows)}`
}

export function startupTable(result: StartupResult): string {
  return `Start-up: ${result.command}, spawn -> /healthz 200\n${table(['runs', 'median', 'of which: empty node'], [[result.runsMs.map(fmtMs).join(', '), fmtMs(result.medianMs), fmtMs(result.nodeBootMs)]])}`
}

export function budgetsTable(checks: BudgetCheck[]): string {
  return `Budgets\n${table(['budget', 'figure', 'limit', 'verdict'], checks.map(c => [c.budget, c.figure, c.limit, c.met ? 'met' : 'MISSED']))}`
}

export function cpuTable(result: CpuProfileResult): string {
  return `Where our server's CPU goes under load on ${result.endpoint} (--cpu-prof, ${result.seconds} s, self time, ${result.busyMs} ms busy)\n${table(['code', 'self', 'share'], result.top.map(s => [s.where, fmtMs(s.ms), `${s.percent}%`]))}`
}
