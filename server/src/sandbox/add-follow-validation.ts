import type { AcceptedFollow } from './add-follow-schema'
import type { SandboxState } from './state'
import { detailProblem } from '@app/shared'
import { AddFollowBody } from './add-follow-schema'

export type { AcceptedFollow } from './add-follow-schema'

/** The non-zero codes the stand-in answers for a refused follow-up. */
export const ADD_FOLLOW_CODES = {
  invalidBody: 400,
  moduleTypeMismatch: 1001,
  unknownUser: 1002,
  unknownBusiness: 1003,
  stageNotOfBusiness: 1004,
  unknownTemplate: 1005,
  moduleNotOfTemplate: 1006,
  optionNotOfModule: 1007,
} as const

export type AddFollowVerdict = { ok: true, body: AcceptedFollow } | { ok: false, code: number, msg: string }

const refuse = (code: number, msg: string): AddFollowVerdict => ({ ok: false, code, msg })

function firstIssuePath(path: readonly PropertyKey[]): string {
  return path.map(part => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '')
}

/** Checks a body the way 谱蓝云 would: shape and types, the moduleType rule, then the ids it must know. */
export function validateAddFollow(input: unknown, state: SandboxState): AddFollowVerdict {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return refuse(ADD_FOLLOW_CODES.invalidBody, '请求体必须是 JSON 对象（Content-Type: application/json）')
  const parsed = AddFollowBody.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = issue.path.length ? `（位置 ${firstIssuePath(issue.path)}）` : ''
    return refuse(ADD_FOLLOW_CODES.invalidBody, `参数校验失败：${issue.message}${where}`)
  }
  const body = parsed.data

  for (const [index, module] of body.detailList.entries()) {
    for (const [detailIndex, detail] of module.detail.entries()) {
      const problem = detailProblem(module.moduleType, module.moduleName ?? String(module.moduleId), detail)
      if (problem)
        return refuse(ADD_FOLLOW_CODES.moduleTypeMismatch, `detail 与 moduleType 不一致：${problem}（位置 detailList[${index}].detail[${detailIndex}]）`)
    }
  }

  if (!state.pulanUsers.some(user => user.pulanUserId === body.userId))
    return refuse(ADD_FOLLOW_CODES.unknownUser, `userId ${body.userId} 不是本企业的谱蓝云用户`)
  const opportunity = state.opportunities.get(body.businessId)
  if (!opportunity)
    return refuse(ADD_FOLLOW_CODES.unknownBusiness, `businessId ${body.businessId} 对应的商机不存在`)
  if (!opportunity.stages.some(stage => stage.stageId === body.stageId))
    return refuse(ADD_FOLLOW_CODES.stageNotOfBusiness, `stageId ${body.stageId} 不是商机「${opportunity.businessName}」的阶段`)
  const template = state.templates.find(t => t.templateId === body.templateId)
  if (!template)
    return refuse(ADD_FOLLOW_CODES.unknownTemplate, `templateId ${body.templateId} 对应的跟进模板不存在`)

  for (const [index, answer] of body.detailList.entries()) {
    const module = template.modules.find(m => m.moduleId === answer.moduleId)
    if (!module || module.moduleType !== answer.moduleType)
      return refuse(ADD_FOLLOW_CODES.moduleNotOfTemplate, `模板「${template.templateName}」没有类型为 ${answer.moduleType} 的模块 ${answer.moduleId}（位置 detailList[${index}]）`)
    const unknownOption = answer.detail.find(d => module.options && d.optionId !== undefined && !module.options.some(o => o.optionId === d.optionId))
    if (unknownOption)
      return refuse(ADD_FOLLOW_CODES.optionNotOfModule, `「${module.moduleName}」没有选项 optionId ${unknownOption.optionId}`)
  }
  return { ok: true, body }
}
