import type autocannon from 'autocannon'
import type { MemoryFigures } from './server-process'
import type { Tally } from './tally'

interface Report {
  result: autocannon.Result
  reconciled: ReturnType<Tally['reconcile']>
  warmUpRecords: number
  memory: { before: MemoryFigures, after: MemoryFigures, afterGc: MemoryFigures, afterDrop: MemoryFigures }
}

/** Retained heap beyond what the run legitimately keeps, above which memory is not "flat". */
const LEAK_TOLERANCE_MB = 15

/** Prints the figures and answers whether the run passed: no 5xx, no errors, nothing lost or sent twice. */
export function printReport({ result, reconciled, warmUpRecords, memory }: Report): boolean {
  const statusCounts = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, Number((stats as { count: number }).count)]))
  const serverErrors = Object.entries(statusCounts).filter(([status]) => Number(status) >= 500).reduce((sum, [, count]) => sum + count, 0)
  const leakMb = Math.round((memory.afterDrop.heapUsedMb - memory.before.heapUsedMb) * 10) / 10
  const figures = {
    'duration (s)': result.duration,
    'connections': result.connections,
    'requests': result.requests.total,
    'requests/s (mean)': result.requests.average,
    'latency p50 (ms)': result.latency.p50,
    'latency p99 (ms)': result.latency.p99,
    'latency max (ms)': result.latency.max,
    'status counts': JSON.stringify(statusCounts),
    'non-2xx': result.non2xx,
    '5xx': serverErrors,
    'socket errors / timeouts': `${result.errors} / ${result.timeouts}`,
    '201 answered (incl. warm-up)': reconciled.created,
    'records upstream (incl. warm-up)': `${reconciled.records} (warm-up ${warmUpRecords})`,
    'lost (201 without a record)': reconciled.lost,
    'duplicates (a key recorded twice)': reconciled.duplicates,
    'recorded but answered as failed': reconciled.recordedButRefused,
    'answers cut off by the end, sent again with the same key': reconciled.resent,
    'recorded without an answer, or with a key never sent': reconciled.unaccounted,
    'RSS MB before / after / after GC': `${memory.before.rssMb} / ${memory.after.rssMb} / ${memory.afterGc.rssMb}`,
    'heap MB before / after / after GC': `${memory.before.heapUsedMb} / ${memory.after.heapUsedMb} / ${memory.afterGc.heapUsedMb}`,
    'heap MB after GC, retained records dropped': `${memory.afterDrop.heapUsedMb} (${leakMb >= 0 ? '+' : ''}${leakMb} vs before)`,
  }
  console.log('\nload test: POST /api/follow-ups')
  console.table(figures)

  const failures = [
    serverErrors > 0 && `${serverErrors} responses were 5xx`,
    result.errors + result.timeouts > 0 && `${result.errors} socket errors and ${result.timeouts} timeouts`,
    reconciled.lost > 0 && `${reconciled.lost} follow-ups answered 201 are missing upstream`,
    reconciled.duplicates > 0 && `${reconciled.duplicates} follow-ups were recorded twice`,
    reconciled.recordedButRefused > 0 && `${reconciled.recordedButRefused} follow-ups were recorded although the client was told they failed`,
    reconciled.unaccounted > 0 && `${reconciled.unaccounted} records have no answer or a key this run never sent`,
    reconciled.created !== reconciled.records && `201s (${reconciled.created}) != records upstream (${reconciled.records})`,
    leakMb > LEAK_TOLERANCE_MB && `heap grew by ${leakMb} MB beyond the retained records (memory is not flat)`,
  ].filter(Boolean)
  console.log(failures.length ? `\nFAILED:\n- ${failures.join('\n- ')}` : '\nPASSED: zero 5xx, zero lost, zero duplicates, memory flat once the retained records are set aside')
  return failures.length === 0
}
