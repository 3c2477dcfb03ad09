import type { AddFollowRequest, FollowTemplate, FollowUpSubmission } from '@app/shared'
import type { SessionUser } from '../../session'

/**
 * The add-follow body: the salesperson from the session, the template-owned fields from the template file, and the
 * page's answers. Modules left unanswered are not sent.
 */
export function buildAddFollow(submission: FollowUpSubmission, template: FollowTemplate, user: SessionUser): AddFollowRequest {
  const modules = new Map(template.modules.map(module => [module.moduleId, module]))
  const detailList = submission.detailList
    .filter(answer => answer.detail.length > 0)
    .map((answer) => {
      const module = modules.get(answer.moduleId)!
      return {
        moduleId: module.moduleId,
        moduleType: module.moduleType,
        moduleName: module.moduleName,
        moduleConfig: module.moduleConfig,
        ...(answer.moduleCommunicateResult !== undefined && { moduleCommunicateResult: answer.moduleCommunicateResult }),
        detail: answer.detail,
      }
    })
  return {
    businessId: submission.businessId,
    stageId: submission.stageId,
    templateId: template.templateId,
    templateName: template.templateName,
    version: template.version,
    userId: user.pulanUserId,
    result: submission.result,
    ...(submission.nextTime && { nextTime: submission.nextTime }),
    actualStartTime: submission.actualStartTime,
    actualEndTime: submission.actualEndTime,
    ...(submission.remark !== undefined && { remark: submission.remark }),
    detailList,
  }
}
