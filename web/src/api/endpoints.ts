import type { ClientReport, FollowUpSubmission, OpportunityCreateSubmission } from '@app/shared'
import type { AxiosProgressEvent } from 'axios'
import { BadSignatureAnswer, BootInfo, CustomerContext, FollowUpReceipt, JssdkConfigResponse, Me, OpportunityCreated, SandboxCustomers, UploadedFile } from '@app/shared'
import { http, parseWith } from './http'

export async function getMe() {
  const { data } = await http.get('/api/me')
  return parseWith(Me, data)
}

export async function postJssdkConfig(url: string) {
  const { data } = await http.post('/api/jssdk/config', { url })
  return parseWith(JssdkConfigResponse, data)
}

export async function getCustomerContext(externalUserId: string) {
  const { data } = await http.get(`/api/customers/${encodeURIComponent(externalUserId)}/context`)
  return parseWith(CustomerContext, data)
}

export async function uploadFile(file: Blob, fileName: string, onProgress?: (percent: number) => void) {
  const form = new FormData()
  form.append('file', file, fileName)
  const { data } = await http.post('/api/files', form, {
    timeout: 120_000,
    onUploadProgress: (event: AxiosProgressEvent) => {
      if (onProgress && event.total)
        onProgress(Math.round((event.loaded / event.total) * 100))
    },
  })
  return parseWith(UploadedFile, data)
}

export async function postFollowUp(submission: FollowUpSubmission, idempotencyKey: string) {
  const { data } = await http.post('/api/follow-ups', submission, {
    headers: { 'Idempotency-Key': idempotencyKey },
  })
  return parseWith(FollowUpReceipt, data)
}

export async function postOpportunity(submission: OpportunityCreateSubmission, idempotencyKey: string) {
  const { data } = await http.post('/api/opportunities', submission, {
    headers: { 'Idempotency-Key': idempotencyKey },
    timeout: 25_000,
  })
  return parseWith(OpportunityCreated, data)
}

export async function getSandboxCustomers() {
  const { data } = await http.get('/api/sandbox/customers')
  return parseWith(SandboxCustomers, data)
}

/** What the served page carries inline, for a page without it (the Vite dev server). */
export async function getBoot() {
  const { data } = await http.get('/api/boot')
  return parseWith(BootInfo, data)
}

export async function postBadSignature(ticket: 'jsapi' | 'agent') {
  const { data } = await http.post('/api/jssdk/bad-signature', { ticket }, { timeout: 8000 })
  return parseWith(BadSignatureAnswer, data)
}

export async function postClientReport(report: ClientReport) {
  await http.post('/api/client-reports', report, { timeout: 8000 })
}
