import { z } from 'zod'

/*
 * The add-follow body as the seed page shows it: each field's type from its example, the required fields, nothing of
 * the app's own limits. Unknown fields are ignored, as a typical Java backend would.
 */
type Kind = 'integer' | 'number' | 'string' | 'date-time' | 'object' | 'array'
const KIND_NAMES: Record<Kind, string> = { 'integer': '整数', 'number': '数字', 'string': '字符串', 'date-time': 'ISO-8601 日期时间字符串', 'object': '对象', 'array': '数组' }

function typeError(field: string, kind: Kind) {
  return (issue: { input: unknown }) =>
    issue.input === undefined ? `缺少必填字段 ${field}` : `${field} 必须是${KIND_NAMES[kind]}`
}

const integer = (field: string) => z.number({ error: typeError(field, 'integer') }).int(`${field} 必须是整数`)
const number = (field: string) => z.number({ error: typeError(field, 'number') })
const string = (field: string) => z.string({ error: typeError(field, 'string') })
const dateTime = (field: string) => z.iso.datetime({ offset: true, error: typeError(field, 'date-time') })
const object = <Shape extends z.ZodRawShape>(field: string, shape: Shape) => z.object(shape, { error: typeError(field, 'object') })
const array = <Item extends z.ZodType>(field: string, item: Item) => z.array(item, { error: typeError(field, 'array') })

function nextTime(at: string) {
  return object(at, {
    scheduleName: string(`${at}.scheduleName`),
    nextContactTime: dateTime(`${at}.nextContactTime`),
    nextTimeLength: integer(`${at}.nextTimeLength`).min(0, `${at}.nextTimeLength 不能为负`).optional(),
    nextRemindLength: integer(`${at}.nextRemindLength`).min(0, `${at}.nextRemindLength 不能为负`).optional(),
  })
}

const detail = object('detail[]', {
  optionId: integer('detail.optionId').optional(),
  content: string('detail.content').optional(),
  nextTime: nextTime('detail.nextTime').optional(),
  fileId: integer('detail.fileId').optional(),
  fileName: string('detail.fileName').optional(),
  fileUrl: string('detail.fileUrl').optional(),
  fileSize: integer('detail.fileSize').min(0, 'detail.fileSize 不能为负').optional(),
  lat: number('detail.lat').min(-90, 'detail.lat 必须在 -90 到 90 之间').max(90, 'detail.lat 必须在 -90 到 90 之间').optional(),
  lng: number('detail.lng').min(-180, 'detail.lng 必须在 -180 到 180 之间').max(180, 'detail.lng 必须在 -180 到 180 之间').optional(),
})

const moduleConfig = string('detailList.moduleConfig').refine((text) => {
  try {
    JSON.parse(text)
    return true
  }
  catch {
    return false
  }
}, 'detailList.moduleConfig 必须是 JSON 文本')

const moduleAnswer = object('detailList[]', {
  moduleId: integer('detailList.moduleId'),
  moduleType: string('detailList.moduleType').min(1, 'detailList.moduleType 不能为空'),
  moduleName: string('detailList.moduleName').optional(),
  moduleConfig: moduleConfig.optional(),
  moduleCommunicateResult: string('detailList.moduleCommunicateResult').optional(),
  detail: array('detailList.detail', detail),
})

export const AddFollowBody = object('请求体', {
  businessId: integer('businessId'),
  stageId: integer('stageId'),
  templateId: integer('templateId'),
  templateName: string('templateName').min(1, 'templateName 不能为空'),
  version: integer('version'),
  userId: integer('userId'),
  result: string('result').min(1, 'result 不能为空'),
  nextTime: nextTime('nextTime').optional(),
  actualStartTime: dateTime('actualStartTime'),
  actualEndTime: dateTime('actualEndTime'),
  remark: string('remark').optional(),
  detailList: array('detailList', moduleAnswer),
})

export type AcceptedFollow = z.infer<typeof AddFollowBody>
