import { BusinessLine } from './business-line'
import { boundedText, isoDateTime, LIMITS, positiveId, requiredText } from './primitives'
import { endNotBeforeStartCheck, FollowDetail, NextTime } from './pulan'
import { FollowTemplate } from './template'
import { z } from './zod'

export const ExternalUserId = z.string({ error: '客户 ID 必须是文字' })
  .check(z.minLength(1, '缺少客户 ID'), z.maxLength(128, '客户 ID 过长'), z.regex(/^[\w-]+$/, '客户 ID 格式不对'))

/** `GET /api/me` */
export const Me = z.object({
  wecomUserId: z.string(),
  pulanUserId: positiveId('谱蓝云 userId'),
  name: z.string(),
})
export type Me = z.infer<typeof Me>

/** `GET /api/sandbox/customers` (sandbox mode only): demo customers of the signed-in salesperson, for the picker. */
export const SandboxCustomer = z.object({
  externalUserId: z.string(),
  name: z.string(),
  corpName: z.optional(z.string()),
  avatar: z.optional(z.string()),
})
export type SandboxCustomer = z.infer<typeof SandboxCustomer>
export const SandboxCustomers = z.object({ customers: z.array(SandboxCustomer) })
export type SandboxCustomers = z.infer<typeof SandboxCustomers>

/** `POST /api/jssdk/config` */
export const JssdkConfigRequest = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: '需要当前页面的完整 http(s) 地址' }).check(z.maxLength(LIMITS.urlLength, '地址过长')),
})
export const JssdkSignature = z.object({
  timestamp: z.int(),
  nonceStr: z.string(),
  signature: z.string().check(z.regex(/^[0-9a-f]{40}$/)),
})
export type JssdkSignature = z.infer<typeof JssdkSignature>
export const JssdkConfigResponse = z.object({
  corpId: z.string(),
  agentId: z.int(),
  config: JssdkSignature,
  agentConfig: JssdkSignature,
})
export type JssdkConfigResponse = z.infer<typeof JssdkConfigResponse>

/**
 * What the server writes into the served page (`<script type="application/json" id="boot">`), so the page knows the
 * salesperson and the mode without a round trip.
 */
export const BootInfo = z.object({
  sandbox: z.boolean(),
  me: z.nullable(Me),
  /** The JS-SDK signatures for the page's own URL, so opening it needs no signing round trip. */
  jssdk: z.optional(z.extend(JssdkConfigResponse, { url: z.string() })),
})
export type BootInfo = z.infer<typeof BootInfo>

export const Customer = z.object({
  externalUserId: ExternalUserId,
  customerId: positiveId('客户 customerId'),
  name: z.string(),
  avatar: z.optional(z.string()),
  corpName: z.optional(z.string()),
})
export type Customer = z.infer<typeof Customer>

/** `closed` (assumed, optional): the stage ends the opportunity as won or lost; without it 赢单/输单 in the name do. */
export const Stage = z.object({ stageId: positiveId('阶段 stageId'), stageName: z.string(), closed: z.optional(z.enum(['won', 'lost'])) })
export type Stage = z.infer<typeof Stage>

export const Opportunity = z.object({
  businessId: positiveId('商机 businessId'),
  businessName: z.string(),
  stageId: positiveId('阶段 stageId'),
  stageName: z.string(),
  stages: z.array(Stage),
  status: z.enum(['open', 'won', 'lost']),
  lastFollowTime: z.optional(z.string()),
  /** Assumed, optional: what the re-list after create-business matches on when 谱蓝云 reports them. */
  lineId: z.optional(positiveId('业务线 lineId')),
  processId: z.optional(positiveId('流程 processId')),
  createTime: z.optional(z.string()),
})
export type Opportunity = z.infer<typeof Opportunity>

/** `GET /api/customers/:externalUserId/context`: everything the form needs, in one round trip. */
export const CustomerContext = z.object({
  customer: Customer,
  opportunities: z.array(Opportunity),
  templates: z.array(FollowTemplate),
  /** The lines a new opportunity may be created on; absent when creating is not offered (no BUSINESS_LINES_FILE). */
  businessLines: z.optional(z.array(BusinessLine)),
})
export type CustomerContext = z.infer<typeof CustomerContext>

/** `POST /api/files` */
export const UploadedFile = z.object({
  fileId: positiveId('附件 fileId'),
  fileName: z.string(),
  fileUrl: z.string(),
  fileSize: z.int().check(z.minimum(0)),
})
export type UploadedFile = z.infer<typeof UploadedFile>

/** A module's answers as the page sends them: the template owns moduleType, moduleName and moduleConfig. */
export const SubmissionModuleAnswer = z.strictObject({
  moduleId: positiveId('模块 moduleId'),
  moduleCommunicateResult: z.optional(boundedText('模块沟通结果', LIMITS.resultLength)),
  detail: z.array(FollowDetail).check(z.maxLength(LIMITS.answersPerModule, `每个模块最多 ${LIMITS.answersPerModule} 个答案`)),
})
export type SubmissionModuleAnswer = z.infer<typeof SubmissionModuleAnswer>

/**
 * `POST /api/follow-ups` body: the add-follow body's own field names, minus what the server owns
 * (userId, templateName, version, and per module moduleType/moduleName/moduleConfig), plus externalUserId.
 */
export const FollowUpSubmission = z.strictObject({
  externalUserId: ExternalUserId,
  businessId: positiveId('商机 businessId'),
  stageId: positiveId('阶段 stageId'),
  templateId: positiveId('模板 templateId'),
  result: requiredText('跟进结果', LIMITS.resultLength),
  nextTime: z.optional(NextTime),
  actualStartTime: isoDateTime('实际开始时间'),
  actualEndTime: isoDateTime('实际结束时间'),
  remark: z.optional(boundedText('备忘录', LIMITS.remarkLength)),
  detailList: z.array(SubmissionModuleAnswer).check(z.maxLength(LIMITS.detailsPerFollowUp, `最多 ${LIMITS.detailsPerFollowUp} 个模块`)),
}).check(endNotBeforeStartCheck())
export type FollowUpSubmission = z.infer<typeof FollowUpSubmission>

/** 201 answer of `POST /api/follow-ups`: the ids and times that were sent upstream. */
export const FollowUpReceipt = z.object({
  idempotencyKey: z.string(),
  businessId: z.int(),
  stageId: z.int(),
  templateId: z.int(),
  templateName: z.string(),
  version: z.int(),
  userId: z.int(),
  actualStartTime: z.string(),
  actualEndTime: z.string(),
  nextContactTime: z.nullable(z.string()),
  submittedAt: z.string(),
})
export type FollowUpReceipt = z.infer<typeof FollowUpReceipt>

export const IdempotencyKey = z.uuid({ error: 'Idempotency-Key 必须是 UUID' })
