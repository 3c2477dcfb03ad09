import type { FollowUpReceipt, FollowUpSubmission } from '@app/shared'
import type { AppDeps } from '../../deps'
import type { SessionUser } from '../../session'
import { AddFollowRequest, answerProblems, missingRequiredModules, nextTimeProblems, toFieldErrors } from '@app/shared'
import { AppError, validationFailed } from '../../errors'
import { SendFailure } from '../../idempotency/submit-once'
import { UpstreamError } from '../../upstream/upstream-error'
import { checkedOpportunities, checkOpportunity } from '../customers/context-service'
import { resolveAttachments } from './attachments'
import { buildAddFollow } from './build-add-follow'

/** A phone's clock may run a little behind, and the request takes a moment to arrive. */
const CLOCK_GRACE_MS = 60_000

type Deps = Pick<AppDeps, 'wecom' | 'pulan' | 'templates' | 'store'>

/** Checks everything 谱蓝云 would, fills what the page must not choose, and posts the follow-up once. */
export async function submitFollowUp(deps: Deps, user: SessionUser, idempotencyKey: string, submission: FollowUpSubmission): Promise<FollowUpReceipt> {
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

  const request = AddFollowRequest.safeParse(buildAddFollow(withFiles, template, user))
  if (!request.success) {
    const fieldErrors = toFieldErrors(request.error.issues)
    throw new AppError(422, 'MODULE_ANSWER_INVALID', firstMessage(fieldErrors), fieldErrors)
  }

  try {
    await deps.pulan.addFollow(request.data)
  }
  catch (error) {
    throw error instanceof UpstreamError ? new SendFailure(error) : error
  }

  return {
    idempotencyKey,
    businessId: request.data.businessId,
    stageId: request.data.stageId,
    templateId: request.data.templateId,
    templateName: request.data.templateName,
    version: request.data.version,
    userId: request.data.userId,
    actualStartTime: request.data.actualStartTime,
    actualEndTime: request.data.actualEndTime,
    nextContactTime: request.data.nextTime?.nextContactTime ?? null,
    submittedAt: new Date().toISOString(),
  }
}

function firstMessage(fieldErrors: Record<string, string[]>): string {
  return Object.values(fieldErrors)[0]?.[0] ?? '提交的内容与模板不一致'
}
