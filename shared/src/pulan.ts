import { detailProblem } from './module-rule'
import { boundedText, integer, isoDateTime, jsonText, LIMITS, positiveId, requiredText, ruleAt } from './primitives'
import { z } from './zod'

/** 谱蓝云 NextTime: the next contact, which becomes a calendar entry with a reminder. */
export const NextTime = z.strictObject({
  scheduleName: requiredText('日程名称', LIMITS.nameLength),
  nextContactTime: isoDateTime('下次联系时间'),
  nextTimeLength: z.optional(integer('日程时长必须是数字', '日程时长必须是整数分钟', z.minimum(1, '日程时长至少 1 分钟'), z.maximum(LIMITS.scheduleMinutes, '日程时长不能超过 24 小时'))),
  nextRemindLength: z.optional(integer('提醒提前量必须是数字', '提醒提前量必须是整数分钟', z.minimum(0, '提醒提前量不能为负'), z.maximum(LIMITS.remindMinutes, '提醒最多提前 7 天'))),
})
export type NextTime = z.infer<typeof NextTime>

function coordinate(label: string, limit: number) {
  return z.number({ error: `${label}必须是数字` })
    .check(z.minimum(-limit, `${label}必须在 -${limit} 到 ${limit} 之间`), z.maximum(limit, `${label}必须在 -${limit} 到 ${limit} 之间`))
}
export const Latitude = coordinate('纬度', 90)
export const Longitude = coordinate('经度', 180)

/** One answer inside a module (`detail[]`), field for field as the seed documents it. */
export const FollowDetail = z.strictObject({
  optionId: z.optional(positiveId('选项 optionId')),
  content: z.optional(boundedText('内容', LIMITS.contentLength)),
  nextTime: z.optional(NextTime),
  fileId: z.optional(positiveId('附件 fileId')),
  fileName: z.optional(boundedText('文件名', LIMITS.fileNameLength)),
  fileUrl: z.optional(z.url({ protocol: /^https?$/, error: '文件地址必须是 http(s) 链接' }).check(z.maxLength(LIMITS.urlLength, '文件地址过长'))),
  fileSize: z.optional(integer('文件大小必须是数字', '文件大小必须是整数', z.minimum(0, '文件大小不能为负'), z.maximum(LIMITS.fileSizeBytes, '文件过大'))),
  lat: z.optional(Latitude),
  lng: z.optional(Longitude),
})
export type FollowDetail = z.infer<typeof FollowDetail>

/** One module of the template with its answers (`detailList[]`). */
export const FollowModuleAnswer = z.strictObject({
  moduleId: positiveId('模块 moduleId'),
  moduleType: requiredText('模块类型', 32),
  moduleName: requiredText('模块名称', LIMITS.nameLength),
  moduleConfig: jsonText('moduleConfig'),
  moduleCommunicateResult: z.optional(boundedText('模块沟通结果', LIMITS.resultLength)),
  detail: z.array(FollowDetail).check(z.maxLength(LIMITS.answersPerModule, `每个模块最多 ${LIMITS.answersPerModule} 个答案`)),
}).check(z.superRefine((module, ctx) => {
  if (module.detail.length === 0)
    ctx.addIssue({ code: 'custom', path: ['detail'], message: `「${module.moduleName}」没有填写答案`, input: module.detail })
  module.detail.forEach((detail, index) => {
    const problem = detailProblem(module.moduleType, module.moduleName, detail)
    if (problem)
      ctx.addIssue({ code: 'custom', path: ['detail', index], message: problem, input: detail })
  })
}))
export type FollowModuleAnswer = z.infer<typeof FollowModuleAnswer>

const readableTime = z.iso.datetime({ offset: true })

export function endNotBeforeStart(value: { actualStartTime: string, actualEndTime: string }) {
  // An unreadable time already fails its own format rule; an order error on top would only mislead.
  if (!readableTime.safeParse(value.actualStartTime).success || !readableTime.safeParse(value.actualEndTime).success)
    return true
  return Date.parse(value.actualEndTime) >= Date.parse(value.actualStartTime)
}
export const END_BEFORE_START = { message: '实际结束时间不能早于开始时间', path: ['actualEndTime'] }

/** The end-not-before-start rule as a check, reported at actualEndTime. */
export const endNotBeforeStartCheck = () => ruleAt(endNotBeforeStart, END_BEFORE_START.message, END_BEFORE_START.path)

/** `POST /open-api/customer/biz-submit/add-follow` body. */
export const AddFollowRequest = z.strictObject({
  businessId: positiveId('商机 businessId'),
  stageId: positiveId('阶段 stageId'),
  templateId: positiveId('模板 templateId'),
  templateName: requiredText('模板名称', LIMITS.nameLength),
  version: integer('模板版本必须是数字', '模板版本必须是整数', z.minimum(0, '模板版本不能为负')),
  userId: positiveId('跟进人 userId'),
  result: requiredText('跟进结果', LIMITS.resultLength),
  nextTime: z.optional(NextTime),
  actualStartTime: isoDateTime('实际开始时间'),
  actualEndTime: isoDateTime('实际结束时间'),
  remark: z.optional(boundedText('备忘录', LIMITS.remarkLength)),
  detailList: z.array(FollowModuleAnswer).check(z.maxLength(LIMITS.detailsPerFollowUp, `最多 ${LIMITS.detailsPerFollowUp} 个模块`)),
}).check(endNotBeforeStartCheck())
export type AddFollowRequest = z.infer<typeof AddFollowRequest>

/** 谱蓝云 CommonResult envelope: `code` 0 is success, anything else a failure explained by `msg` (absent or null: ''). */
export const PulanResult = z.object({
  code: z.int(),
  msg: z.pipe(z.nullish(z.string()), z.transform(msg => msg ?? '')),
  data: z.optional(z.unknown()),
})
export type PulanResult = z.infer<typeof PulanResult>
