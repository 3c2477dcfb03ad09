import type { FollowDetail, FollowTemplate, FollowUpSubmission, SubmissionModuleAnswer, TemplateModule } from '@app/shared'
import type { FollowUpForm, ModuleAnswerDraft } from './formState'
import { moduleControl } from '@app/shared/constants'
import { buildNextTime } from './nextContact'

function locationText(location: NonNullable<ModuleAnswerDraft['location']>) {
  return location.address?.trim() || `${location.lat.toFixed(5)}, ${location.lng.toFixed(5)}`
}

/** The module's answers as `detail[]`; empty when the salesperson left it unanswered. */
export function moduleDetails(module: TemplateModule, answer: ModuleAnswerDraft | undefined): FollowDetail[] {
  if (!answer)
    return []
  switch (moduleControl(module.moduleType)) {
    case 'Radio': {
      const option = module.options?.find(o => o.optionId === answer.optionId)
      return option ? [{ optionId: option.optionId, content: option.label }] : []
    }
    case 'Checkbox':
      return (module.options ?? []).filter(o => answer.optionIds?.includes(o.optionId)).map(o => ({ optionId: o.optionId, content: o.label }))
    case 'Attachment':
      return (answer.files ?? []).map(f => ({ fileId: f.fileId, fileName: f.fileName, fileUrl: f.fileUrl, fileSize: f.fileSize }))
    case 'Location':
      return answer.location
        ? [{ lat: answer.location.lat, lng: answer.location.lng, content: locationText(answer.location) }]
        : []
    default: {
      // Text, TextArea, Number ("12.5") and Date ("2026-12-01") all answer one content.
      const content = answer.text?.trim() ?? ''
      return content ? [{ content }] : []
    }
  }
}

export interface SubmissionContext {
  externalUserId: string
  businessId: number
  template: FollowTemplate
  now: Date
}

/** Turns the form into the `POST /api/follow-ups` body; only answered modules go into detailList. */
export function buildSubmission(form: FollowUpForm, context: SubmissionContext): FollowUpSubmission {
  const detailList: SubmissionModuleAnswer[] = []
  for (const module of context.template.modules) {
    const detail = moduleDetails(module, form.answers[String(module.moduleId)])
    if (detail.length > 0)
      detailList.push({ moduleId: module.moduleId, detail })
  }
  const nextTime = buildNextTime(form.next, context.now)
  const remark = form.remark.trim()
  return {
    externalUserId: context.externalUserId,
    businessId: context.businessId,
    stageId: form.stageId,
    templateId: context.template.templateId,
    result: form.result,
    ...(nextTime ? { nextTime } : {}),
    actualStartTime: form.actualStartTime,
    actualEndTime: form.actualEndTime ?? context.now.toISOString(),
    ...(remark ? { remark } : {}),
    detailList,
  }
}
