import { GroupView, SandboxGroups } from '@app/shared'
import { http, parseWith } from './http'

/** The customer group and its external members, checked by the server for this salesperson. */
export async function getGroup(chatId: string) {
  const { data } = await http.get(`/api/groups/${encodeURIComponent(chatId)}`, { timeout: 15_000 })
  return parseWith(GroupView, data)
}

export async function getSandboxGroups() {
  const { data } = await http.get('/api/sandbox/groups')
  return parseWith(SandboxGroups, data)
}
