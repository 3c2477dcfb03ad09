import { createApp } from 'vue'
import { getSandboxCustomers } from '../../api/endpoints'
import SandboxCustomerPicker from './SandboxCustomerPicker.vue'

/** Shows the demo customers and resolves with the chosen one's externalUserId. */
export async function pickSandboxCustomer(cancellable: boolean): Promise<string> {
  const { customers } = await getSandboxCustomers()
  return new Promise((resolve, reject) => {
    const host = document.createElement('div')
    document.body.appendChild(host)
    const app = createApp(SandboxCustomerPicker, {
      customers,
      cancellable,
      onSelect: (externalUserId: string) => {
        app.unmount()
        host.remove()
        resolve(externalUserId)
      },
      onCancel: () => {
        app.unmount()
        host.remove()
        reject(new Error('cancelled'))
      },
    })
    app.mount(host)
  })
}
