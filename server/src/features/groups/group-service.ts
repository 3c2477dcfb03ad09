import type { GroupMember, GroupView } from '@app/shared'
import type { AppDeps } from '../../deps'
import type { SessionUser } from '../../session'
import type { GroupChat } from '../../upstream/wecom-groups'
import { AppError } from '../../errors'
import { GroupRefusedError } from '../../upstream/wecom-groups'

type Deps = Pick<AppDeps, 'wecom' | 'store'>

/** Members change rarely: a group is read from WeCom at most every few minutes, across instances (shared store). */
export const GROUP_TTL_MS = 180_000
/** Whom a salesperson follows changes when they add a customer: kept shorter. */
export const FOLLOWED_TTL_MS = 60_000
const groupKey = (chatId: string) => `group:${chatId}`
const followedKey = (user: SessionUser) => `followed:${user.wecomUserId}`

const REFUSED = {
  'not-customer-group': () => new AppError(422, 'NOT_CUSTOMER_GROUP', '这不是客户群：记跟进只能在有客户的外部群中使用，内部群请到与客户的单聊中打开'),
  'dismissed': () => new AppError(410, 'GROUP_DISMISSED', '这个客户群已解散或不存在，请到与客户的单聊中打开'),
  'no-permission': () => new AppError(403, 'GROUP_NO_PERMISSION', '应用没有读取这个客户群的权限：请联系管理员在「客户联系 → 可调用接口的应用」中加入本应用，并确认群主在应用的可见范围内'),
}
const notMember = () => new AppError(403, 'NOT_GROUP_MEMBER', '只有群主和群成员能在这个群里记跟进；请到与客户的单聊中打开记跟进')

async function cached<T>(deps: Deps, key: string, ttlMs: number, load: () => Promise<T>, fresh = false): Promise<T> {
  const hit = fresh ? null : await deps.store.get(key)
  if (hit)
    return JSON.parse(hit) as T
  const value = await load()
  await deps.store.set(key, JSON.stringify(value), ttlMs)
  return value
}

async function readGroup(deps: Deps, chatId: string, fresh = false): Promise<GroupChat> {
  try {
    return await cached(deps, groupKey(chatId), GROUP_TTL_MS, () => deps.wecom.getGroupChat(chatId), fresh)
  }
  catch (error) {
    if (error instanceof GroupRefusedError)
      throw REFUSED[error.refusal]()
    throw error
  }
}

const isMember = (group: GroupChat, user: SessionUser) => group.owner === user.wecomUserId || group.staffIds.includes(user.wecomUserId)

/**
 * The group as this salesperson may see it: refused unless they are its owner or a member. Two upstream reads at
 * most whatever the group's size (the group, and everyone the salesperson follows), each cached. A cached group that
 * says "not a member" is read again once, so someone who just joined is not refused for minutes.
 */
export async function loadGroupView(deps: Deps, user: SessionUser, chatId: string): Promise<GroupView> {
  let group = await readGroup(deps, chatId)
  if (!isMember(group, user))
    group = await readGroup(deps, chatId, true)
  if (!isMember(group, user))
    throw notMember()
  const followed = new Set(await cached(deps, followedKey(user), FOLLOWED_TTL_MS, () => deps.wecom.listFollowedCustomerIds(user.wecomUserId)))
  const members: GroupMember[] = group.externalMembers.map(m => ({ ...m, followed: followed.has(m.externalUserId) }))
  return {
    chatId: group.chatId,
    name: group.name || '未命名的客户群',
    members: [...members.filter(m => m.followed), ...members.filter(m => !m.followed)],
  }
}
