import { z } from './zod'
import { boundedText, isoDateTime, jsonText, LIMITS, positiveId, requiredText } from './primitives'
import { detailProblem } from './module-rule'

/** 谱蓝云 NextTime: the next contact, which becomes a calendar entry with a reminder. */
export const NextTime = z.strictObject({
  scheduleName: requiredText('日程名称', LIMITS.nameLength),
  nextContactTime: isoDateTime('下次联系时间'),
  nextTimeLength: z.number().int('日程时长必须是整数分钟').min(1, '日程时长至少 1 分钟').max(LIMITS.scheduleMinutes, '日程时长不能超过 24 小时').optional(),
  nextRemindLength: z.number().int('提醒提前量必须是整数分钟').min(0, '提醒提前量不能为负').max(LIMITS.remindMinutes, '提醒最多提前 7 天').optional(),
})
export type NextTime = z.infer<typeof NextTime>

export const Latitude = z.number({ error: '纬度必须是数字' }).min(-90, '纬度必须在 -90 到 90 之间').max(90, '纬度必须在 -90 到 90 之间')
export const Longitude = z.number({ error: '经度必须是数字' }).min(-180, '经度必须在 -180 到 180 之间').max(180, '经度必须在 -180 到 180 之间')

/** One answer inside a module (`detail[]`), field for field as the seed documents it. */
export const FollowDetail = z.strictObject({
  optionId: positiveId('选项 optionId').optional(),
  content: boundedText('内容', LIMITS.contentLength).optional(),
  nextTime: NextTime.optional(),
  fileId: positiveId('附件 fileId').optional(),
  fileName: boundedText('文件名', LIMITS.fileNameLength).optional(),
  fileUrl: z.url({ protocol: /^https?$/, error: '文件地址必须是 http(s) 链接' }).max(LIMITS.urlLength, '文件地址过长').optional(),
  fileSize: z.number().int().min(0, '文件大小不能为负').max(LIMITS.fileSizeBytes, '文件过大').optional(),
  lat: Latitude.optional(),
  lng: Longitude.optional(),
})
export type FollowDetail = z.infer<typeof FollowDetail>


/** One module of the template with its answers (`detailList[]`). */
export const FollowModuleAnswer = z.strictObject({
  moduleId: positiveId('模块 moduleId'),
  moduleType: requiredText('模块类型', 32),
  moduleName: requiredText('模块名称', LIMITS.nameLength),
  moduleConfig: jsonText('moduleConfig'),
  moduleCommunicateResult: boundedText('模块沟通结果', LIMITS.resultLength).optional(),
  detail: z.array(FollowDetail).max(LIMITS.answersPerModule, `每个模块最多 ${LIMITS.answersPerModule} 个答案`),
}).superRefine((module, ctx) => {
  if (module.detail.length === 0)
    ctx.addIssue({ code: 'custom', path: ['detail'], message: `「${module.moduleName}」没有填写答案` })
  module.detail.forEach((detail, index) => {
    const problem = detailProblem(module.moduleType, module.moduleName, detail)
    if (problem)
      ctx.addIssue({ code: 'custom', path: ['detail', index], message: problem })
  })
})
export type FollowModuleAnswer = z.infer<typeof FollowModuleAnswer>

const readableTime = z.iso.datetime({ offset: true })

export function endNotBeforeStart(value: { actualStartTime: string, actualEndTime: string }) {
  // An unreadable time already fails its own format rule; an order error on top would only mislead.
  if (!readableTime.safeParse(value.actualStartTime).success || !readableTime.safeParse(value.actualEndTime).success)
    return true
  return Date.parse(value.actualEndTime) >= Date.parse(value.actualStartTime)
}
export const END_BEFORE_START = { message: '实际结束时间不能早于开始时间', path: ['actualEndTime'] }

/** `POST /open-api/customer/biz-submit/add-follow` body. */
export const AddFollowRequest = z.strictObject({
  businessId: positiveId('商机 businessId'),
  stageId: positiveId('阶段 stageId'),
  templateId: positiveId('模板 templateId'),
  templateName: requiredText('模板名称', LIMITS.nameLength),
  version: z.number().int('模板版本必须是整数').min(0, '模板版本不能为负'),
  userId: positiveId('跟进人 userId'),
  result: requiredText('跟进结果', LIMITS.resultLength),
  nextTime: NextTime.optional(),
  actualStartTime: isoDateTime('实际开始时间'),
  actualEndTime: isoDateTime('实际结束时间'),
  remark: boundedText('备忘录', LIMITS.remarkLength).optional(),
  detailList: z.array(FollowModuleAnswer).max(LIMITS.detailsPerFollowUp, `最多 ${LIMITS.detailsPerFollowUp} 个模块`),
}).refine(endNotBeforeStart, END_BEFORE_START)
export type AddFollowRequest = z.infer<typeof AddFollowRequest>

/** 谱蓝云 CommonResult envelope: `code` 0 is success, anything else a failure explained by `msg`. */
export const PulanResult = z.object({
  code: z.number().int(),
  msg: z.string().optional().default(''),
  data: z.unknown().optional(),
})
export type PulanResult = z.infer<typeof PulanResult>
