import type { PlatformError } from './types'
import { loadEndpoints } from '../api/lazy'
import { loadSchemas } from '../api/loadSchemas'
import { clientInfo } from './clientInfo'

const reported = new Set<string>()
let signatureReport: Promise<void> | null = null

/**
 * Tells the server about a WeCom failure the salesperson met, once per kind of failure and page load, so operators see
 * it in the log. A cancel is the salesperson's choice and is not reported. Never throws.
 */
export function reportPlatformProblem(error: PlatformError, entry?: string | null) {
  if (error.failure === 'cancel')
    return
  const key = `${error.api}:${error.keyword}`
  if (reported.has(key) || reported.size >= 10)
    return
  reported.add(key)
  const { version, platform } = clientInfo()
  // The report's schema arrives with the other schemas (they are not part of the first screen).
  void loadSchemas().then(({ ClientReport }) => ClientReport.safeParse({
    api: /^[A-Z]{1,40}$/i.test(error.api) ? error.api : 'unknown',
    keyword: error.keyword || error.failure,
    ...(entry && /^[a-z_]{1,40}$/.test(entry) && { entry }),
    ...(version && { clientVersion: version }),
    platform,
  })).then((report) => {
    if (report.success)
      return loadEndpoints().then(api => api.postClientReport(report.data))
  }).catch(() => {})
}

/**
 * The client rejected a signature: once per page load, the server is asked to fetch that ticket again, so the next
 * load (重试) is signed with a good one. Resolves when the server has answered (or failed to), never rejects.
 */
export function reportBadSignature(api: string): Promise<void> {
  // agentConfig is signed with the agent ticket; the corp config (preVerifyJSAPI) with the jsapi ticket.
  const ticket = /agent/i.test(api) ? 'agent' : 'jsapi'
  signatureReport ??= loadEndpoints().then(api => api.postBadSignature(ticket)).then(() => {}, () => {})
  return signatureReport
}

/** Resolves once a bad-signature report (if any) has been answered, so a reload is signed with the new ticket. */
export function whenSignatureReported(): Promise<void> {
  return signatureReport ?? Promise.resolve()
}
