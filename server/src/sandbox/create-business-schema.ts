import { z } from 'zod'

const id = (field: string) => z.number({ error: issue => (issue.input === undefined ? `缺少必填字段 ${field}` : `${field} 必须是整数`) }).int(`${field} 必须是整数`)

/** The body as documented (1.1b); unknown fields are ignored, as a typical Java backend would. */
export const CreateBusinessBody = z.object({
  lineId: id('lineId'),
  processId: id('processId'),
  customerId: id('customerId').optional(),
  prospectId: id('prospectId').optional(),
  prospectFollowLineId: id('prospectFollowLineId').optional(),
  userId: id('userId'),
  source: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'source 只能是 1（客户）、2（线索）或 3（线索跟进线）' }),
  nextTime: z.object({
    scheduleName: z.string().optional(),
    nextContactTime: z.union([z.iso.datetime({ offset: true, error: 'nextTime.nextContactTime 必须是 ISO-8601 日期时间字符串' }), z.literal('')]).optional(),
    nextTimeLength: z.number().int().min(0).optional(),
    nextRemindLength: z.number().int().min(0).optional(),
  }, { error: 'nextTime 必须是对象' }).optional(),
})
export type AcceptedCreateBusiness = z.infer<typeof CreateBusinessBody>
