import type { CustomerContext, Opportunity } from '@app/shared'
import type { AppDeps } from '../../deps'
import type { SessionUser } from '../../session'
import { AppError } from '../../errors'

type Deps = Pick<AppDeps, 'wecom' | 'pulan' | 'templates' | 'store' | 'businessLines'>

/**
 * How long a checked customer context is reused by submissions. The page loads it right before the salesperson
 * fills the form; reusing it saves a submission three upstream reads. A customer reassigned within this window can
 * still be logged once by the previous salesperson.
 */
const CHECKED_CONTEXT_TTL_MS = 60_000
const checkedKey = (user: SessionUser, externalUserId: string) => `ctx:${user.wecomUserId}:${externalUserId}`

const notFound = () => new AppError(404, 'CUSTOMER_NOT_FOUND', '找不到这个客户，请确认是在客户聊天中打开')

/** Someone else's customer: say who follows them (when 谱蓝云 knows their names), so the salesperson has a next step. */
async function notYours(pulan: Deps['pulan'], followUserIds: string[]) {
  const names = await Promise.all(followUserIds.slice(0, 3).map(id => pulan.getUserByWecomUserId(id).then(user => user?.name, () => undefined)))
  const known = names.filter((name): name is string => !!name)
  const message = known.length
    ? `这位客户由 ${known.join('、')} 跟进，你不是跟进人，不能为其记录跟进。可以请 ${known[0]} 记录，或请管理员在企业微信把你添加为这位客户的跟进人。`
    : '这位客户不是你跟进的客户，不能为其记录跟进。如需记录，请管理员在企业微信把你添加为这位客户的跟进人。'
  return new AppError(403, 'NOT_YOUR_CUSTOMER', message)
}

/**
 * The customer as both upstreams know them, checked to be the salesperson's: WeCom's follow_user decides who may
 * act on a customer. The WeCom check and the 谱蓝云 reads run in parallel.
 */
export async function loadCustomerContext({ wecom, pulan, templates, store, businessLines }: Deps, user: SessionUser, externalUserId: string): Promise<CustomerContext> {
  const [contact, scrm] = await Promise.all([
    wecom.getExternalContact(externalUserId),
    pulan.getCustomer(externalUserId).then(async customer =>
      customer && { customer, opportunities: await pulan.listOpportunities(customer.customerId) }),
  ])
  if (!contact || !scrm)
    throw notFound()
  if (!contact.followUserIds.includes(user.wecomUserId))
    throw await notYours(pulan, contact.followUserIds)
  const context: CustomerContext = {
    customer: {
      externalUserId,
      customerId: scrm.customer.customerId,
      name: scrm.customer.name || contact.name,
      avatar: scrm.customer.avatar ?? contact.avatar,
      corpName: scrm.customer.corpName ?? contact.corpName,
    },
    opportunities: scrm.opportunities,
    templates: templates.all,
    ...(businessLines && { businessLines: businessLines.all }),
  }
  await store.set(checkedKey(user, externalUserId), JSON.stringify(context.opportunities), CHECKED_CONTEXT_TTL_MS)
  return context
}

/** After a write that changed the list (a new opportunity): submissions check against it, or re-check when unknown. */
export async function rememberCheckedOpportunities(store: Deps['store'], user: SessionUser, externalUserId: string, opportunities: Opportunity[] | null): Promise<void> {
  if (opportunities)
    await store.set(checkedKey(user, externalUserId), JSON.stringify(opportunities), CHECKED_CONTEXT_TTL_MS)
  else
    await store.delete(checkedKey(user, externalUserId))
}

/** The customer's opportunities as checked for this salesperson within the last minute, or checked now. */
export async function checkedOpportunities(deps: Deps, user: SessionUser, externalUserId: string): Promise<Opportunity[]> {
  const cached = await deps.store.get(checkedKey(user, externalUserId))
  if (cached)
    return JSON.parse(cached) as Opportunity[]
  return (await loadCustomerContext(deps, user, externalUserId)).opportunities
}

/** The opportunity and stage a submission names, or the 422 that says why not. */
export function checkOpportunity(opportunities: Opportunity[], businessId: number, stageId: number): Opportunity {
  const opportunity = opportunities.find(o => o.businessId === businessId)
  if (!opportunity)
    throw new AppError(422, 'BUSINESS_NOT_FOUND', '这个商机不属于当前客户，请刷新后重选', { businessId: ['商机不属于当前客户'] })
  if (!opportunity.stages.some(stage => stage.stageId === stageId) && opportunity.stageId !== stageId)
    throw new AppError(422, 'STAGE_NOT_ALLOWED', '所选阶段不属于这个商机', { stageId: ['阶段不属于这个商机'] })
  return opportunity
}
