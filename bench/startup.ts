import { spawnSync } from 'node:child_process'
import { START_SCRIPT } from '@app/server/test/start-command'
import { startSandboxModeServer } from './app-server'
import { BENCH_DIR } from './paths'
import { median, round } from './stats'

export interface StartupResult {
  command: string
  runsMs: number[]
  medianMs: number
  /** For the breakdown: an empty `node -e ''`, spawn to exit (median). */
  nodeBootMs: number
}

function timeToExit(args: string[]): number {
  const begin = performance.now()
  spawnSync(process.execPath, args, { cwd: BENCH_DIR, stdio: 'ignore' })
  return performance.now() - begin
}

/** spawn(`npm start`'s command, the built server in sandbox mode) to the first /healthz 200, several times. */
export async function measureStartup(runs: number): Promise<StartupResult> {
  const runsMs: number[] = []
  for (let i = 0; i < runs; i++) {
    const server = await startSandboxModeServer()
    runsMs.push(round(server.startMs, 0))
    await server.stop()
  }
  const boots = Array.from({ length: runs }, () => timeToExit(['-e', '']))
  return {
    command: `${START_SCRIPT.replace('dist/', 'server/dist/')} (built; SANDBOX=1, NODE_ENV=production)`,
    runsMs,
    medianMs: median(runsMs),
    nodeBootMs: round(median(boots), 0),
  }
}
