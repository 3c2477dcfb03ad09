import type { AddFollowRequest, FollowUpReceipt, FollowUpSubmission } from '@app/shared'
import type { AppDeps } from '../../deps'
import type { OnceSteps } from '../../idempotency/submit-once'
import type { SessionUser } from '../../session'
import { answerProblems, missingRequiredModules, nextTimeProblems } from '@app/shared'
import { AppError, validationFailed } from '../../errors'
import { checkedOpportunities, checkOpportunity } from '../customers/context-service'
import { resolveAttachments } from './attachments'
import { buildAddFollow } from './build-add-follow'

/** A phone's clock may run a little behind, and the request takes a moment to arrive. */
const CLOCK_GRACE_MS = 60_000

type Deps = Pick<AppDeps, 'wecom' | 'pulan' | 'templates' | 'store'>

/** Checks everything 谱蓝云 would and fills what the page must not choose; then posts the follow-up (once: submitOnce). */
export function followUpSteps(deps: Deps, user: SessionUser, idempotencyKey: string, submission: FollowUpSubmission): OnceSteps<AddFollowRequest> {
  return {
    check: () => checkFollowUp(deps, user, submission),
    write: async request => ({ status: 201, body: await sendFollowUp(deps, idempotencyKey, request) }),
  }
}

async function checkFollowUp(deps: Deps, user: SessionUser, submission: FollowUpSubmission): Promise<AddFollowRequest> {
  const template = deps.templates.byId(submission.templateId)
  if (!template)
    throw new AppError(422, 'TEMPLATE_NOT_FOUND', '跟进模板不存在或已停用，请刷新页面', { templateId: ['模板不存在'] })
  const problems = answerProblems(template, submission)
  if (Object.keys(problems).length)
    throw validationFailed(problems, firstMessage(problems))
  const late = nextTimeProblems(submission.nextTime, new Date(), CLOCK_GRACE_MS)
  if (Object.keys(late).length)
    throw validationFailed(late, firstMessage(late))
  const missing = missingRequiredModules(template, submission)
  if (Object.keys(missing).length)
    throw new AppError(422, 'MODULE_REQUIRED', firstMessage(missing), missing)

  checkOpportunity(await checkedOpportunities(deps, user, submission.externalUserId), submission.businessId, submission.stageId)
  const withFiles = await resolveAttachments(deps.store, user.wecomUserId, submission)
  // Every part of the body has been checked by now: the page's fields with the submission (the add-follow rules
  // themselves), the template's at start-up, userId with the session, the attachments' record fields just above.
  return buildAddFollow(withFiles, template, user)
}

async function sendFollowUp(deps: Deps, idempotencyKey: string, request: AddFollowRequest): Promise<FollowUpReceipt> {
  await deps.pulan.addFollow(request)
  return {
    idempotencyKey,
    businessId: request.businessId,
    stageId: request.stageId,
    templateId: request.templateId,
    templateName: request.templateName,
    version: request.version,
    userId: request.userId,
    actualStartTime: request.actualStartTime,
    actualEndTime: request.actualEndTime,
    nextContactTime: request.nextTime?.nextContactTime ?? null,
    submittedAt: new Date().toISOString(),
  }
}

function firstMessage(fieldErrors: Record<string, string[]>): string {
  return Object.values(fieldErrors)[0]?.[0] ?? '提交的内容与模板不一致'
}
