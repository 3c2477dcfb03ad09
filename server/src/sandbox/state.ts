import type { BusinessLine, FollowTemplate } from '@app/shared'
import type { AcceptedCreateBusiness } from './create-business-schema'
import type { DemoOpportunity } from './demo-data'
import type { FaultController } from './faults'
import { SANDBOX_BOUNDS, trimMap } from './bounded'
import { avatarPath, CLOSING_STAGES, DEMO_CUSTOMERS, DEMO_OPPORTUNITIES, DEMO_PULAN_USERS, PROCESS_STAGES, SALES_STAGES, SANDBOX_CREDENTIALS } from './demo-data'
import { DEMO_GROUPS, REFUSED_DEMO_CHATS } from './demo-groups'
import { createFaultController } from './faults'
import { SandboxRecords } from './records'
import { OAuthCodes, TokenIssuer } from './tokens'

export interface StoredFile { fileId: number, fileName: string, mimeType: string, bytes: Buffer }

/** Everything the two stand-ins share: demo data (mutable, restored by `reset`), tokens, records and faults. */
export class SandboxState {
  readonly credentials = { ...SANDBOX_CREDENTIALS }
  readonly customers = DEMO_CUSTOMERS
  readonly groups = DEMO_GROUPS
  readonly refusedChats = REFUSED_DEMO_CHATS
  readonly pulanUsers = DEMO_PULAN_USERS
  readonly records = new SandboxRecords()
  readonly faults: FaultController = createFaultController()
  readonly tokens: TokenIssuer
  readonly oauthCodes = new OAuthCodes()
  opportunities = new Map<number, DemoOpportunity>()
  files = new Map<number, StoredFile>()
  private nextFileId = 5001
  private nextBusinessId = 3001
  /** Base URL that avatar and file URLs are built on. */
  publicBase = ''
  /** How many follow_user entries one externalcontact/get page carries (500 in WeCom). */
  followUserPageSize = 500

  constructor(readonly templates: readonly FollowTemplate[], tokenTtlSeconds: number, readonly businessLines: readonly BusinessLine[] = []) {
    this.tokens = new TokenIssuer(tokenTtlSeconds)
    this.restoreDemoData()
  }

  restoreDemoData(): void {
    this.opportunities = new Map(DEMO_OPPORTUNITIES.map(o => [o.businessId, structuredClone(o)]))
    this.files = new Map()
    this.nextFileId = 5001
    this.nextBusinessId = 3001
  }

  reset({ keepTokens = false } = {}): void {
    this.records.clear()
    this.faults.clear()
    if (!keepTokens)
      this.tokens.clear()
    this.oauthCodes.clear()
    this.restoreDemoData()
  }

  storeFile(file: Omit<StoredFile, 'fileId'>): StoredFile {
    const stored = { ...file, fileId: this.nextFileId++ }
    this.files.set(stored.fileId, stored)
    trimMap(this.files, SANDBOX_BOUNDS.files)
    let bytes = 0
    for (const kept of this.files.values())
      bytes += kept.bytes.length
    for (const [fileId, oldest] of this.files) {
      if (bytes <= SANDBOX_BOUNDS.fileBytes || fileId === stored.fileId)
        break
      bytes -= oldest.bytes.length
      this.files.delete(fileId)
    }
    return stored
  }

  /** Applies an accepted follow-up: the opportunity moves to the stage and was just followed. */
  applyFollow(businessId: number, stageId: number): void {
    const opportunity = this.opportunities.get(businessId)
    const stage = opportunity?.stages.find(s => s.stageId === stageId)
    if (!opportunity || !stage)
      return
    opportunity.stageId = stage.stageId
    opportunity.stageName = stage.stageName
    opportunity.status = CLOSING_STAGES[stage.stageId] ?? 'open'
    opportunity.lastFollowTime = new Date().toISOString()
  }

  /** Applies an accepted create-business: the customer's new opportunity at the first stage of its process. */
  createBusiness(body: AcceptedCreateBusiness, line: BusinessLine): number {
    const customer = this.customers.find(c => c.customerId === body.customerId)!
    const process = line.processes.find(p => p.processId === body.processId)!
    const ladder = PROCESS_STAGES[process.processId] ?? SALES_STAGES
    const businessId = this.nextBusinessId++
    this.opportunities.set(businessId, {
      customerId: customer.customerId,
      businessId,
      businessName: `${customer.corpName.replace(/有限公司$/, '')} ${line.lineName}`,
      stageId: ladder[0]!.stageId,
      stageName: ladder[0]!.stageName,
      stages: [...ladder],
      status: 'open',
      lineId: line.lineId,
      processId: process.processId,
      createTime: new Date().toISOString(),
    })
    return businessId
  }

  avatarUrl(externalUserId: string): string {
    return `${this.publicBase}${avatarPath(encodeURIComponent(externalUserId))}`
  }
}
