import type { BusinessLine } from '@app/shared'
import type { AcceptedCreateBusiness } from './create-business-schema'
import type { SandboxState } from './state'
import { CreateBusinessBody } from './create-business-schema'

export type { AcceptedCreateBusiness } from './create-business-schema'

/** The non-zero codes the stand-in answers for a refused create-business. */
export const CREATE_BUSINESS_CODES = {
  invalidBody: 400,
  unknownUser: 1002,
  unknownLine: 2001,
  processNotOfLine: 2002,
  unknownCustomer: 2003,
  unknownProspect: 2004,
} as const

export type CreateBusinessVerdict = { ok: true, body: AcceptedCreateBusiness, line: BusinessLine } | { ok: false, code: number, msg: string }
const refuse = (code: number, msg: string): CreateBusinessVerdict => ({ ok: false, code, msg })

/** Checks a body the way 谱蓝云 documents it: the source rules, then the ids it must know. */
export function validateCreateBusiness(input: unknown, state: SandboxState): CreateBusinessVerdict {
  const parsed = CreateBusinessBody.safeParse(input)
  if (!parsed.success)
    return refuse(CREATE_BUSINESS_CODES.invalidBody, `参数校验失败：${parsed.error.issues[0]!.message}`)
  const body = parsed.data
  if (body.customerId === undefined && body.prospectId === undefined)
    return refuse(CREATE_BUSINESS_CODES.invalidBody, 'customerId 与 prospectId 不能同时为空')
  if (body.source === 1 && body.customerId === undefined)
    return refuse(CREATE_BUSINESS_CODES.invalidBody, 'source 为 1（客户）时 customerId 必填')
  if (body.source === 2 && body.prospectId === undefined)
    return refuse(CREATE_BUSINESS_CODES.invalidBody, 'source 为 2（线索）时 prospectId 必填')
  if (body.source === 3 && (body.prospectId === undefined || body.prospectFollowLineId === undefined))
    return refuse(CREATE_BUSINESS_CODES.invalidBody, 'source 为 3（线索跟进线）时 prospectId 与 prospectFollowLineId 必填')
  if (!state.pulanUsers.some(user => user.pulanUserId === body.userId))
    return refuse(CREATE_BUSINESS_CODES.unknownUser, `userId ${body.userId} 不是本企业的谱蓝云用户`)
  const line = state.businessLines.find(candidate => candidate.lineId === body.lineId)
  if (!line)
    return refuse(CREATE_BUSINESS_CODES.unknownLine, `lineId ${body.lineId} 对应的业务线不存在`)
  if (!line.processes.some(process => process.processId === body.processId))
    return refuse(CREATE_BUSINESS_CODES.processNotOfLine, `processId ${body.processId} 不是业务线「${line.lineName}」的流程`)
  if (body.source !== 1)
    return refuse(CREATE_BUSINESS_CODES.unknownProspect, `prospectId ${body.prospectId} 对应的线索不存在`)
  if (!state.customers.some(customer => customer.customerId === body.customerId))
    return refuse(CREATE_BUSINESS_CODES.unknownCustomer, `customerId ${body.customerId} 对应的客户不存在`)
  return { ok: true, body, line }
}
