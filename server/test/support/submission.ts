import type { FollowUpSubmission } from '@app/shared'
import { randomUUID } from 'node:crypto'

/** 陈静 (followed by 张伟): one open opportunity, business 1001 at stage 11. */
export const CHEN_JING = { externalUserId: 'wmDemoChenJing01', businessId: 1001, stageId: 11 }

/** Two days ahead at a whole minute: a next contact (and its reminder) must lie in the future. */
export const NEXT_CONTACT_TIME = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 2 * 24 * 3600_000).toISOString()

/** A submission on template 10 (日常) answering every module type: Radio, TextArea, Attachment, Location. */
export function fullSubmission(file: { fileId: number, fileName: string, fileUrl: string, fileSize: number }, overrides: Partial<FollowUpSubmission> = {}): FollowUpSubmission {
  return {
    ...CHEN_JING,
    stageId: 12,
    templateId: 10,
    result: 'finish',
    nextTime: { scheduleName: '跟进 陈静', nextContactTime: NEXT_CONTACT_TIME, nextTimeLength: 30, nextRemindLength: 30 },
    actualStartTime: '2026-11-25T02:00:00.000Z',
    actualEndTime: '2026-11-25T02:20:00.000Z',
    remark: '客户关心价格，下周再约',
    detailList: [
      { moduleId: 20, detail: [{ optionId: 21, content: '价格' }] },
      { moduleId: 21, detail: [{ content: '沟通了报价方案，客户希望再优惠 5%' }] },
      { moduleId: 22, detail: [{ ...file }] },
      { moduleId: 23, detail: [{ lat: 31.2304, lng: 121.4737, content: '上海市黄浦区人民广场' }] },
    ],
    ...overrides,
  }
}

export const newKey = () => randomUUID()
