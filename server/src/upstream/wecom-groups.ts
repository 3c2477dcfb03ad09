import { z } from 'zod'
import { UpstreamError } from './upstream-error'

interface Answer { errcode: number, errmsg: string, [field: string]: unknown }
type CallWithToken = (path: string, params: Record<string, string>, json?: object) => Promise<Answer>

export interface GroupChat {
  chatId: string
  name: string
  owner: string
  /** Staff members' userids (type 1). */
  staffIds: string[]
  /** External members (type 2) in join order; `name` is the group nickname when set. */
  externalMembers: { externalUserId: string, name: string }[]
}

/** Why WeCom would not give a group; the feature turns each into a stable code. */
export type GroupRefusal = 'not-customer-group' | 'dismissed' | 'no-permission'

/**
 * groupchat/get answers. 90501: the chat is not a customer (external) group. 40050: no such chat_id, which is
 * also what a dismissed group gives. 48002/60011: the app may not call it (not listed under 客户联系 → 可调用接口的
 * 应用, or the owner is outside the app's visible range).
 */
const REFUSALS: Record<number, GroupRefusal> = { 90501: 'not-customer-group', 40050: 'dismissed', 48002: 'no-permission', 60011: 'no-permission' }
const WECOM_NO_CUSTOMERS = 84061

export class GroupRefusedError extends Error {
  constructor(readonly refusal: GroupRefusal) {
    super(`wecom groupchat refused: ${refusal}`)
    this.name = 'GroupRefusedError'
  }
}

const GroupChatBody = z.object({
  group_chat: z.object({
    chat_id: z.string(),
    name: z.string().default(''),
    owner: z.string().default(''),
    member_list: z.array(z.object({
      userid: z.string(),
      type: z.number().int(),
      name: z.string().default(''),
      group_nickname: z.string().default(''),
    })).default([]),
  }),
})
const FollowedBody = z.object({ external_userid: z.array(z.string()).default([]) })

/** The customer-group calls of the WeCom client (客户联系 → 客户群), built on its token-holding call. */
export function wecomGroupCalls(call: CallWithToken, reject: (answer: Answer) => UpstreamError) {
  return {
    async getGroupChat(chatId: string): Promise<GroupChat> {
      const answer = await call('/cgi-bin/externalcontact/groupchat/get', {}, { chat_id: chatId, need_name: 1 })
      const refusal = REFUSALS[answer.errcode]
      if (refusal)
        throw new GroupRefusedError(refusal)
      if (answer.errcode !== 0)
        throw reject(answer)
      const parsed = GroupChatBody.safeParse(answer)
      if (!parsed.success)
        throw new UpstreamError('wecom', 'malformed', false)
      const group = parsed.data.group_chat
      return {
        chatId: group.chat_id,
        name: group.name,
        owner: group.owner,
        staffIds: group.member_list.filter(m => m.type === 1).map(m => m.userid),
        externalMembers: group.member_list.filter(m => m.type === 2).map(m => ({ externalUserId: m.userid, name: m.group_nickname || m.name })),
      }
    },

    /** Every customer the salesperson follows, in one call (externalcontact/list): the group's follow check. */
    async listFollowedCustomerIds(wecomUserId: string): Promise<string[]> {
      const answer = await call('/cgi-bin/externalcontact/list', { userid: wecomUserId })
      if (answer.errcode === WECOM_NO_CUSTOMERS)
        return []
      if (answer.errcode !== 0)
        throw reject(answer)
      const parsed = FollowedBody.safeParse(answer)
      if (!parsed.success)
        throw new UpstreamError('wecom', 'malformed', false)
      return parsed.data.external_userid
    },
  }
}
