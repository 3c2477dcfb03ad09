import type { FollowUpSubmission } from '@app/shared'
import { randomUUID } from 'node:crypto'

/** Each demo salesperson and an open opportunity of a customer they follow (see src/sandbox/demo-data.ts). */
export const SALESPEOPLE = [
  { wecomUserId: 'zhangwei', externalUserId: 'wmDemoChenJing01', businessId: 1001 },
  { wecomUserId: 'lina', externalUserId: 'wmDemoSunHao04', businessId: 1004 },
  { wecomUserId: 'wangqiang', externalUserId: 'wmDemoZhengKai06', businessId: 1008 },
] as const

export type Salesperson = typeof SALESPEOPLE[number]

const REMARK_PREFIX = 'load-test '

/** A valid follow-up whose remark carries its Idempotency-Key, so each record upstream can be traced to its request. */
export function submissionFor(person: Salesperson, idempotencyKey: string): FollowUpSubmission {
  return {
    externalUserId: person.externalUserId,
    businessId: person.businessId,
    stageId: 12,
    templateId: 10,
    result: 'finish',
    actualStartTime: '2026-11-25T02:00:00.000Z',
    actualEndTime: '2026-11-25T02:20:00.000Z',
    remark: `${REMARK_PREFIX}${idempotencyKey}`,
    detailList: [{ moduleId: 20, detail: [{ optionId: 21, content: '价格' }] }],
  }
}

export const keyOfRemark = (remark: string) => (remark.startsWith(REMARK_PREFIX) ? remark.slice(REMARK_PREFIX.length) : null)

export const newKey = () => randomUUID()
