import { checked } from './checked'
import { request } from './http'

/** The customer group and its external members, checked by the server for this salesperson. */
export async function getGroup(chatId: string) {
  return checked('GroupView', await request(`/api/groups/${encodeURIComponent(chatId)}`, { timeout: 15_000 }))
}

export async function getSandboxGroups() {
  return checked('SandboxGroups', await request('/api/sandbox/groups'))
}
