import { ExternalUserId, Opportunity } from './api'
import { positiveId } from './primitives'
import { NextTime } from './pulan'
import { z } from './zod'

/** `POST /open-api/customer/biz-submit/create-business` body, field for field as documented (1.1b). */
export const CreateBusinessRequest = z.strictObject({
  lineId: positiveId('业务线 lineId'),
  processId: positiveId('流程 processId'),
  customerId: z.optional(positiveId('客户 customerId')),
  prospectId: z.optional(positiveId('线索 prospectId')),
  prospectFollowLineId: z.optional(positiveId('线索跟进线 prospectFollowLineId')),
  userId: positiveId('负责人 userId'),
  source: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'source 只能是 1、2 或 3' }),
  nextTime: z.optional(NextTime),
})
export type CreateBusinessRequest = z.infer<typeof CreateBusinessRequest>

/**
 * `POST /api/opportunities` body: only what the salesperson chooses. The server adds userId (the session) and
 * customerId + source 1 (its customer lookup).
 */
export const OpportunityCreateSubmission = z.strictObject({
  externalUserId: ExternalUserId,
  lineId: positiveId('业务线 lineId'),
  processId: positiveId('流程 processId'),
  nextTime: z.optional(NextTime),
})
export type OpportunityCreateSubmission = z.infer<typeof OpportunityCreateSubmission>

/**
 * 201 answer of `POST /api/opportunities`. `opportunity` is the one found by listing again, or null when the
 * server could not tell which one it is (the page then shows the refreshed list and lets the salesperson choose).
 */
export const OpportunityCreated = z.object({
  idempotencyKey: z.string(),
  opportunity: z.nullable(Opportunity),
  /** The customer's list as re-read after creating, or null when it could not be read. */
  opportunities: z.nullable(z.array(Opportunity)),
})
export type OpportunityCreated = z.infer<typeof OpportunityCreated>
