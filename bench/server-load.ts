import type { AppServer } from './app-server'
import type { LoadFigures } from './load'
import type { Spawned } from './processes'
import type { Upstream } from './sandbox-upstream'
import { fileURLToPath } from 'node:url'
import { PNG_1PX } from '../server/src/test/file-samples'
import { signIn } from '../server/src/test/harness'
import { CHEN_JING, fullSubmission } from '../server/src/test/submission'
import { startLiveModeServer } from './app-server'
import { assertHealthy, postLoad } from './load'
import { freePort, spawnTs } from './processes'
import { startUpstream } from './sandbox-upstream'
import { round } from './stats'

export interface Comparison {
  endpoint: string
  ours: LoadFigures
  bare: LoadFigures
  /** ours / bare requests per second. */
  throughputRatio: number
  /** ours p50 - bare p50, in ms. */
  addedP50Ms: number
  /** Follow-ups only: a bare server making the same upstream calls as ours (3 reads + the POST), for the breakdown. */
  bareSameCalls?: LoadFigures
}

export interface ServerLoadResult { seconds: number, connections: number, comparisons: Comparison[] }

const BARE_ENTRY = fileURLToPath(new URL('./bare-server.ts', import.meta.url))

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

async function startBare(upstream: Upstream, fixed: object): Promise<Spawned & { url: string }> {
  const port = await freePort()
  let listening: () => void
  const ready = new Promise<void>((resolve) => {
    listening = resolve
  })
  const bare = spawnTs(BARE_ENTRY, {
    BARE_PORT: String(port),
    BARE_PULAN_BASE_URL: upstream.pulanBaseUrl,
    BARE_WECOM_BASE_URL: upstream.wecomBaseUrl,
    BARE_ADD_FOLLOW_FIXED: JSON.stringify(fixed),
  }, line => line === 'listening' && listening())
  const exited = new Promise<never>((_, reject) => bare.child.once('exit', code => reject(new Error(`bare server exited (${code})\n${bare.stderr()}`))))
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

function compare(endpoint: string, ours: LoadFigures, bare: LoadFigures): Comparison {
  assertHealthy(`ours ${endpoint}`, ours)
  assertHealthy(`bare ${endpoint}`, bare)
  return { endpoint, ours, bare, throughputRatio: round(ours.requestsPerSecond / bare.requestsPerSecond, 2), addedP50Ms: round(ours.p50Ms - bare.p50Ms, 2) }
}

/** POST /api/follow-ups and POST /api/jssdk/config, ours and bare, one after the other against one sandbox process. */
export async function measureServerLoad(seconds: number, warmSeconds: number, connections = 10): Promise<ServerLoadResult> {
  const upstream = await startUpstream()
  const stops: (() => Promise<void>)[] = [upstream.stop]
  try {
    const ours = await startLiveModeServer(upstream)
    stops.unshift(ours.stop)
    const { cookie, submission, jssdkBody } = await prepareRequests(ours)
    const bare = await startBare(upstream, await fixedAddFollowFields(upstream))
    stops.unshift(bare.stop)

    const run = (url: string, body: unknown, extra: Partial<Parameters<typeof postLoad>[0]> = {}, time = seconds) =>
      postLoad({ url, body, ...extra }, time, connections)
    const oursFollowUp = { headers: { cookie }, uniqueIdempotencyKey: true }

    await run(`${ours.url}/api/follow-ups`, submission, oursFollowUp, warmSeconds)
    await run(`${bare.url}/api/follow-ups`, submission, {}, warmSeconds)
    const followUps = compare('POST /api/follow-ups', await run(`${ours.url}/api/follow-ups`, submission, oursFollowUp), await run(`${bare.url}/api/follow-ups`, submission))
    followUps.bareSameCalls = await run(`${bare.url}/api/follow-ups?sameReads=1`, submission)
    assertHealthy('bare follow-ups with the same upstream calls', followUps.bareSameCalls)

    await run(`${ours.url}/api/jssdk/config`, jssdkBody, { headers: { cookie } }, warmSeconds)
    await run(`${bare.url}/api/jssdk/config`, jssdkBody, {}, warmSeconds)
    const jssdk = compare('POST /api/jssdk/config', await run(`${ours.url}/api/jssdk/config`, jssdkBody, { headers: { cookie } }), await run(`${bare.url}/api/jssdk/config`, jssdkBody))
    return { seconds, connections, comparisons: [followUps, jssdk] }
  }
  finally {
    for (const stop of stops)
      await stop()
  }
}
