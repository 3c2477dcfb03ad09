import type { BusinessLine, BusinessProcess, CustomerContext, OpportunityCreated, OpportunityCreateSubmission } from '@app/shared'
import type { AppDeps } from '../../deps'
import type { OnceSteps } from '../../idempotency/submit-once'
import type { SessionUser } from '../../session'
import { CreateBusinessRequest, toFieldErrors } from '@app/shared'
import { AppError, validationFailed } from '../../errors'
import { loadCustomerContext, rememberCheckedOpportunities } from '../customers/context-service'
import { matchCreated } from './match-created'

type Deps = Pick<AppDeps, 'wecom' | 'pulan' | 'templates' | 'store' | 'businessLines'>

export const createDisabled = () => new AppError(404, 'BUSINESS_CREATE_DISABLED', '暂不支持在这里新建商机：管理员还没有配置业务线，请在谱蓝云中创建')

interface CheckedCreate { request: CreateBusinessRequest, before: CustomerContext, line: BusinessLine, process: BusinessProcess }

/**
 * Creates the customer's opportunity (once: submitOnce), then finds it by listing again. The salesperson comes from
 * the session and the customer from the lookup (checked to be theirs, and the "before" list for the match), never
 * from the page.
 */
export function createOpportunitySteps(deps: Deps, user: SessionUser, idempotencyKey: string, submission: OpportunityCreateSubmission): OnceSteps<CheckedCreate> {
  return {
    check: () => checkCreate(deps, user, submission),
    write: async checked => ({ status: 201, body: await create(deps, user, idempotencyKey, submission, checked) }),
  }
}

async function checkCreate(deps: Deps, user: SessionUser, submission: OpportunityCreateSubmission): Promise<CheckedCreate> {
  if (!deps.businessLines)
    throw createDisabled()
  const { line, process } = deps.businessLines.find(submission.lineId, submission.processId)
  if (!line)
    throw new AppError(422, 'BUSINESS_LINE_NOT_FOUND', '这条业务线不存在或已停用，请重新选择', { lineId: ['业务线不存在'] })
  if (!process)
    throw new AppError(422, 'BUSINESS_PROCESS_NOT_FOUND', `流程不属于业务线「${line.lineName}」，请重新选择`, { processId: ['流程不属于这条业务线'] })

  const before = await loadCustomerContext(deps, user, submission.externalUserId)
  const request = CreateBusinessRequest.safeParse({
    lineId: line.lineId,
    processId: process.processId,
    customerId: before.customer.customerId,
    userId: user.pulanUserId,
    source: 1,
    ...(submission.nextTime && { nextTime: submission.nextTime }),
  })
  if (!request.success)
    throw validationFailed(toFieldErrors(request.error.issues))
  return { request: request.data, before, line, process }
}

async function create(deps: Deps, user: SessionUser, idempotencyKey: string, submission: OpportunityCreateSubmission, { request, before, line, process }: CheckedCreate): Promise<OpportunityCreated> {
  await deps.pulan.createBusiness(request)

  // Created: from here on nothing may fail the request (a retry must replay, not create again).
  const after = await deps.pulan.listOpportunities(before.customer.customerId).catch(() => null)
  await rememberCheckedOpportunities(deps.store, user, submission.externalUserId, after).catch(() => {})
  return {
    idempotencyKey,
    opportunity: after && matchCreated(before.opportunities, after, { lineId: line.lineId, processId: process.processId }),
    opportunities: after,
  }
}
