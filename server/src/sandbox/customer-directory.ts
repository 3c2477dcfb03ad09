import type { SandboxCustomer } from '@app/shared'
import { DEMO_CUSTOMERS } from './demo-data'
import { DEMO_GROUPS, REFUSED_DEMO_CHATS } from './demo-groups'

/** The demo customers a salesperson follows, for the customer picker shown when the app runs outside WeCom. */
export function sandboxCustomersOf(sandbox: { avatarUrl: (externalUserId: string) => string }, wecomUserId: string): SandboxCustomer[] {
  return DEMO_CUSTOMERS
    .filter(customer => customer.followers.some(f => f.wecomUserId === wecomUserId))
    .map(customer => ({
      externalUserId: customer.externalUserId,
      name: customer.name,
      corpName: customer.corpName,
      avatar: sandbox.avatarUrl(customer.externalUserId),
    }))
}

/** The demo groups (and the chats WeCom refuses), for opening a group entry outside WeCom. */
export function sandboxGroupsList(): { chatId: string, name: string, note: string }[] {
  return [...DEMO_GROUPS, ...REFUSED_DEMO_CHATS].map(({ chatId, name, note }) => ({ chatId, name, note }))
}
