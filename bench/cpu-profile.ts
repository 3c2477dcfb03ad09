import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startLiveModeServer } from './app-server'
import { postLoad } from './load'
import { REPO_DIR } from './paths'
import { startUpstream } from './sandbox-upstream'
import { prepareRequests } from './server-load'
import { round } from './stats'

export interface CpuShare { where: string, ms: number, percent: number }
export interface CpuProfileResult { endpoint: string, seconds: number, busyMs: number, top: CpuShare[] }

interface ProfileNode { id: number, callFrame: { functionName: string, url: string } }
interface Profile { nodes: ProfileNode[], samples: number[], timeDeltas: number[], endTime: number }

/** Groups a function by where its code lives: a package, a file of ours, Node's own code, or V8's pseudo-frames. */
export function whereOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (!url)
    return functionName.startsWith('(') ? functionName : '(native)'
  if (url.startsWith('node:'))
    return `node:${url.slice(5).split('/')[0] === 'internal' ? url.slice(5).split('/')[1] : url.slice(5)}`
  const path = url.startsWith('file://') ? fileURLToPath(url) : url
  const at = path.lastIndexOf('node_modules/')
  if (at >= 0) {
    const parts = path.slice(at + 'node_modules/'.length).split('/')
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!
  }
  return relative(REPO_DIR, path)
}

/** Self time per place over the profile's last `windowMs` (the load, not the start-up), idle left out. */
export function summarize(profile: Profile, windowMs: number, top = 12): { busyMs: number, top: CpuShare[] } {
  const byId = new Map(profile.nodes.map(n => [n.id, whereOf(n.callFrame)]))
  const totals = new Map<string, number>()
  const from = profile.endTime - windowMs * 1000
  let at = profile.endTime - profile.timeDeltas.reduce((a, b) => a + b, 0)
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0
    at += delta
    if (at < from)
      return
    const where = byId.get(id) ?? '(unknown)'
    totals.set(where, (totals.get(where) ?? 0) + delta / 1000)
  })
  totals.delete('(idle)')
  const busyMs = [...totals.values()].reduce((a, b) => a + b, 0)
  const shares = [...totals].map(([where, ms]) => ({ where, ms: round(ms, 0), percent: round((ms / busyMs) * 100, 1) }))
  return { busyMs: round(busyMs, 0), top: shares.sort((a, b) => b.ms - a.ms).slice(0, top) }
}

/** Our server under load on one endpoint with --cpu-prof: where its CPU time goes (a separate run; profiling slows it). */
export async function profileEndpoint(endpoint: 'follow-ups' | 'jssdk', seconds: number): Promise<CpuProfileResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cpu-'))
  const upstream = await startUpstream()
  try {
    const ours = await startLiveModeServer(upstream, 'info', ['--cpu-prof', `--cpu-prof-dir=${dir}`])
    try {
      const { cookie, submission, jssdkBody } = await prepareRequests(ours)
      await (endpoint === 'follow-ups'
        ? postLoad({ url: `${ours.url}/api/follow-ups`, body: submission, headers: { cookie }, uniqueIdempotencyKey: true }, seconds)
        : postLoad({ url: `${ours.url}/api/jssdk/config`, body: jssdkBody, headers: { cookie } }, seconds))
    }
    finally {
      await ours.stop()
    }
    const file = readdirSync(dir).find(f => f.endsWith('.cpuprofile'))
    if (!file)
      throw new Error('the server wrote no CPU profile')
    const summary = summarize(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile, seconds * 1000)
    return { endpoint: endpoint === 'follow-ups' ? 'POST /api/follow-ups' : 'POST /api/jssdk/config', seconds, ...summary }
  }
  finally {
    await upstream.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
