import type { AppServer } from './app-server'
import type { LoadFigures } from './load'
import type { Spawned } from './processes'
import type { Upstream } from './sandbox-upstream'
import { fileURLToPath } from 'node:url'
import { PNG_1PX } from '@app/server/test/file-samples'
import { signIn } from '@app/server/test/harness'
import { CHEN_JING, fullSubmission } from '@app/server/test/submission'
import { startLiveModeServer } from './app-server'
import { assertHealthy, interleavedLoad, postLoad } from './load'
import { freePort, spawnTs } from './processes'
import { startUpstream } from './sandbox-upstream'
import { round } from './stats'

export interface Comparison {
  endpoint: string
  ours: LoadFigures
  /** Express 5 doing the same upstream work with no other middleware: the reference of the budget. */
  floor: LoadFigures
  bare: LoadFigures
  /** ours / floor requests per second. */
  throughputRatio: number
  /** ours p50 - floor p50, in ms. */
  addedP50Ms: number
  /** ours / bare node:http, for comparison with earlier runs. */
  bareRatio: number
  /** Follow-ups only: a bare server making the same upstream calls as ours (3 reads + the POST), for the breakdown. */
  bareSameCalls?: LoadFigures
  /** Follow-ups only: the Express floor making its upstream call through axios (information, not a budget). */
  floorAxios?: LoadFigures & { throughputRatio: number, addedP50Ms: number }
}

export interface ServerLoadResult { seconds: number, rounds: number, connections: number, comparisons: Comparison[] }

const REFERENCE_ENTRIES = {
  bare: fileURLToPath(new URL('./bare-server.ts', import.meta.url)),
  floor: fileURLToPath(new URL('./express-floor.ts', import.meta.url)),
}

async function uploadDemoFile(server: AppServer, cookie: string) {
  const form = new FormData()
  form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), '现场.png')
  const response = await fetch(`${server.url}/api/files`, { method: 'POST', body: form, headers: { cookie } })
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`upload answered ${response.status}: ${await response.text()}`)
  return response.json() as Promise<{ fileId: number, fileName: string, fileUrl: string, fileSize: number }>
}

/** What our server put in the add-follow body besides the submission's own fields, read from the sandbox's records. */
async function fixedAddFollowFields(upstream: Upstream) {
  const records = await (await fetch(`${upstream.pulanBaseUrl}/__sandbox/records`)).json() as { addFollows: Record<string, unknown>[] }
  const sent = records.addFollows.at(-1)
  if (!sent)
    throw new Error('the warm-up follow-up did not reach the sandbox')
  const { templateId, templateName, version, userId, detailList } = sent
  return { templateId, templateName, version, userId, detailList }
}

async function startReference(kind: keyof typeof REFERENCE_ENTRIES, upstream: Upstream, fixed: object, client: 'node:http' | 'axios' = 'node:http'): Promise<Spawned & { url: string }> {
  const port = await freePort()
  let listening: () => void
  const ready = new Promise<void>((resolve) => {
    listening = resolve
  })
  const bare = spawnTs(REFERENCE_ENTRIES[kind], {
    BARE_PORT: String(port),
    BARE_PULAN_BASE_URL: upstream.pulanBaseUrl,
    BARE_WECOM_BASE_URL: upstream.wecomBaseUrl,
    BARE_ADD_FOLLOW_FIXED: JSON.stringify(fixed),
    BARE_CLIENT: client,
  }, line => line === 'listening' && listening())
  const exited = new Promise<never>((_, reject) => bare.child.once('exit', code => reject(new Error(`${kind} server exited (${code})\n${bare.stderr()}`))))
  exited.catch(() => {})
  await Promise.race([ready, exited])
  return { ...bare, url: `http://127.0.0.1:${port}` }
}

/** Signs in, uploads the attachment, and checks that one follow-up is accepted (so the load measures successes). */
export async function prepareRequests(ours: AppServer) {
  const cookie = await signIn(ours.url, 'zhangwei')
  const submission = fullSubmission(await uploadDemoFile(ours, cookie), { stageId: CHEN_JING.stageId })
  const warmUp = await fetch(`${ours.url}/api/follow-ups`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), cookie }, body: JSON.stringify(submission) })
  if (warmUp.status !== 201)
    throw new Error(`a valid follow-up answered ${warmUp.status}: ${await warmUp.text()}`)
  return { cookie, submission, jssdkBody: { url: `${ours.url}/?customer=${CHEN_JING.externalUserId}#/` } }
}

function compare(endpoint: string, ours: LoadFigures, floor: LoadFigures, bare: LoadFigures): Comparison {
  assertHealthy(`ours ${endpoint}`, ours)
  assertHealthy(`Express floor ${endpoint}`, floor)
  assertHealthy(`bare ${endpoint}`, bare)
  return {
    endpoint,
    ours,
    floor,
    bare,
    throughputRatio: round(ours.requestsPerSecond / floor.requestsPerSecond, 2),
    addedP50Ms: round(ours.p50Ms - floor.p50Ms, 2),
    bareRatio: round(ours.requestsPerSecond / bare.requestsPerSecond, 2),
  }
}

/**
 * POST /api/follow-ups and POST /api/jssdk/config: ours, the Express floor and the bare server against one sandbox
 * process, in the same run and interleaved (`rounds` slices each, taken in turn), so the ratios compare like with like
 * on a noisy machine.
 */
export async function measureServerLoad(seconds: number, warmSeconds: number, rounds: number, connections = 10): Promise<ServerLoadResult> {
  const upstream = await startUpstream()
  const stops: (() => Promise<void>)[] = [upstream.stop]
  try {
    const ours = await startLiveModeServer(upstream)
    stops.unshift(ours.stop)
    const { cookie, submission, jssdkBody } = await prepareRequests(ours)
    const fixed = await fixedAddFollowFields(upstream)
    const floor = await startReference('floor', upstream, fixed)
    stops.unshift(floor.stop)
    const bare = await startReference('bare', upstream, fixed)
    stops.unshift(bare.stop)
    const floorAxios = await startReference('floor', upstream, fixed, 'axios')
    stops.unshift(floorAxios.stop)

    const run = (url: string, body: unknown, extra: Partial<Parameters<typeof postLoad>[0]> = {}, time = seconds) =>
      postLoad({ url, body, ...extra }, time, connections)
    // Every server gets the same requests, byte for byte but the key: the page's cookie and, for follow-ups, a fresh
    // Idempotency-Key each time. The references ignore both, but making them costs the load generator, which shares
    // this machine's two cores: sent to ours alone, they took about a tenth of the floor's throughput from ours.
    const measure = async (path: string, body: unknown, traffic: Partial<Parameters<typeof postLoad>[0]>, urls: string[]) => {
      for (const url of urls)
        await run(`${url}${path}`, body, traffic, warmSeconds)
      return interleavedLoad(urls.map(url => ({ url: `${url}${path}`, body, ...traffic })), seconds, rounds, connections)
    }
    const three = async (path: string, body: unknown, traffic: Partial<Parameters<typeof postLoad>[0]>) => {
      const [o, f, b] = await measure(path, body, traffic, [ours.url, floor.url, bare.url])
      return compare(`POST ${path}`, o!, f!, b!)
    }

    const followUpTraffic = { headers: { cookie }, uniqueIdempotencyKey: true }
    // The floor through axios is measured in the same slices as the three, so its ratio is like for like too.
    const [o, f, b, viaAxios] = await measure('/api/follow-ups', submission, followUpTraffic, [ours.url, floor.url, bare.url, floorAxios.url])
    const followUps = compare('POST /api/follow-ups', o!, f!, b!)
    assertHealthy('Express floor with axios, follow-ups', viaAxios!)
    followUps.floorAxios = {
      ...viaAxios!,
      throughputRatio: round(followUps.ours.requestsPerSecond / viaAxios!.requestsPerSecond, 2),
      addedP50Ms: round(followUps.ours.p50Ms - viaAxios!.p50Ms, 2),
    }
    followUps.bareSameCalls = await run(`${bare.url}/api/follow-ups?sameReads=1`, submission, followUpTraffic)
    assertHealthy('bare follow-ups with the same upstream calls', followUps.bareSameCalls)
    const jssdk = await three('/api/jssdk/config', jssdkBody, { headers: { cookie } })
    return { seconds, rounds, connections, comparisons: [followUps, jssdk] }
  }
  finally {
    for (const stop of stops)
      await stop()
  }
}
