import { ExternalUserId } from './api'
import { z } from './zod'

/** A WeCom customer group's chat_id, as `ww.getCurExternalChat()` gives it. */
export const ChatId = z.string({ error: '群 ID 必须是文字' })
  .check(z.minLength(1, '缺少群 ID'), z.maxLength(128, '群 ID 过长'), z.regex(/^[\w-]+$/, '群 ID 格式不对'))

/** An external member of the group; `followed` says whether the signed-in salesperson follows them. */
export const GroupMember = z.object({
  externalUserId: ExternalUserId,
  name: z.string(),
  followed: z.boolean(),
})
export type GroupMember = z.infer<typeof GroupMember>

/** `GET /api/groups/:chatId`: the group and its external members, the salesperson's customers first. */
export const GroupView = z.object({
  chatId: ChatId,
  name: z.string(),
  members: z.array(GroupMember),
})
export type GroupView = z.infer<typeof GroupView>

/** `GET /api/sandbox/groups` (sandbox only): the demo groups, for opening one outside WeCom. */
export const SandboxGroups = z.object({
  groups: z.array(z.object({ chatId: z.string(), name: z.string(), note: z.string() })),
})
export type SandboxGroups = z.infer<typeof SandboxGroups>
