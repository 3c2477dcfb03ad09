import { createApp } from 'vue'
import { getSandboxCustomers } from '../../api/endpoints'
import { getSandboxGroups } from '../../api/groups'
import SandboxCustomerPicker from './SandboxCustomerPicker.vue'

export type SandboxChoice = { kind: 'customer', externalUserId: string } | { kind: 'group', chatId: string }

/** Shows the demo customers (and, when asked, the demo groups) and resolves with the one chosen. */
export async function pickSandbox(cancellable: boolean, offer: 'customers' | 'groups' | 'both'): Promise<SandboxChoice> {
  const [customers, groups] = await Promise.all([
    offer === 'groups' ? [] : getSandboxCustomers().then(list => list.customers),
    offer === 'customers' ? [] : getSandboxGroups().then(list => list.groups),
  ])
  return new Promise((resolve, reject) => {
    const host = document.createElement('div')
    document.body.appendChild(host)
    const close = () => {
      app.unmount()
      host.remove()
    }
    const app = createApp(SandboxCustomerPicker, {
      customers,
      groups,
      cancellable,
      onSelect: (externalUserId: string) => {
        close()
        resolve({ kind: 'customer', externalUserId })
      },
      onSelectGroup: (chatId: string) => {
        close()
        resolve({ kind: 'group', chatId })
      },
      onCancel: () => {
        close()
        reject(new Error('cancelled'))
      },
    })
    app.mount(host)
  })
}

/** Shows the demo customers and resolves with the chosen one's externalUserId. */
export async function pickSandboxCustomer(cancellable: boolean): Promise<string> {
  const choice = await pickSandbox(cancellable, 'customers')
  if (choice.kind !== 'customer')
    throw new Error('cancelled')
  return choice.externalUserId
}
