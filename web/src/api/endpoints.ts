import type { ClientReport, CustomerContext, FollowUpSubmission, OpportunityCreateSubmission } from '@app/shared'
import { checked } from './checked'
import { request } from './http'

export async function getMe() {
  return checked('Me', await request('/api/me'))
}

export async function postJssdkConfig(url: string) {
  return checked('JssdkConfigResponse', await request('/api/jssdk/config', { method: 'post', json: { url } }))
}

/**
 * The context at once, for the first screen, and its check against the shared schema, run by the caller once the
 * form is painted (the schemas are not part of the first screen); a context that fails it is then replaced by an error.
 */
export async function getCustomerContext(externalUserId: string): Promise<{ context: CustomerContext, check: () => Promise<CustomerContext> }> {
  const data = await request(`/api/customers/${encodeURIComponent(externalUserId)}/context`)
  return { context: data as CustomerContext, check: () => checked('CustomerContext', data) }
}

/** Uploads one file (up to two minutes: a photo on a slow phone network). */
export async function uploadFile(file: Blob, fileName: string, onProgress?: (percent: number) => void) {
  const form = new FormData()
  form.append('file', file, fileName)
  const onUploadProgress = (loaded: number, total: number) => {
    if (onProgress && total)
      onProgress(Math.round((loaded / total) * 100))
  }
  return checked('UploadedFile', await request('/api/files', { method: 'post', body: form, timeout: 120_000, onUploadProgress }))
}

export async function postFollowUp(submission: FollowUpSubmission, idempotencyKey: string) {
  return checked('FollowUpReceipt', await request('/api/follow-ups', { method: 'post', json: submission, headers: { 'Idempotency-Key': idempotencyKey } }))
}

export async function postOpportunity(submission: OpportunityCreateSubmission, idempotencyKey: string) {
  return checked('OpportunityCreated', await request('/api/opportunities', { method: 'post', json: submission, headers: { 'Idempotency-Key': idempotencyKey }, timeout: 25_000 }))
}

export async function getSandboxCustomers() {
  return checked('SandboxCustomers', await request('/api/sandbox/customers'))
}

/** What the served page carries inline, for a page without it (the Vite dev server). */
export async function getBoot() {
  return checked('BootInfo', await request('/api/boot'))
}

export async function postBadSignature(ticket: 'jsapi' | 'agent') {
  return checked('BadSignatureAnswer', await request('/api/jssdk/bad-signature', { method: 'post', json: { ticket }, timeout: 8000 }))
}

export async function postClientReport(report: ClientReport) {
  await request('/api/client-reports', { method: 'post', json: report, timeout: 8000 })
}
