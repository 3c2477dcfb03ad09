import type { Platform } from '../types'
import { PlatformError } from '../types'
import { pickSandboxCustomer } from './pickSandboxCustomer'

/** 上海 人民广场, where every sandbox salesperson happens to be. */
export const SANDBOX_LOCATION = { lat: 31.2304, lng: 121.4737, address: '上海市黄浦区 人民广场' }

function setCustomerInUrl(externalUserId: string) {
  const url = new URL(location.href)
  url.searchParams.set('customer', externalUserId)
  history.replaceState(history.state, '', url)
}

/**
 * Stands in for the WeCom client outside WeCom: `?entry=group_chat_tools` simulates another entry,
 * `?customer=` picks the customer, `?location=denied` simulates a refused location.
 */
export function createSandboxPlatform(locationDelayMs = 600): Platform {
  const params = () => new URL(location.href).searchParams
  return {
    kind: 'sandbox',
    ready: () => Promise.resolve(),
    getEntry: async () => params().get('entry') ?? 'single_chat_tools',
    async getCurExternalContact() {
      const fromUrl = params().get('customer')
      if (fromUrl)
        return fromUrl
      const chosen = await pickSandboxCustomer(false)
      setCustomerInUrl(chosen)
      return chosen
    },
    async switchCustomer() {
      const chosen = await pickSandboxCustomer(true)
      setCustomerInUrl(chosen)
      return chosen
    },
    getLocation: () => new Promise((resolve, reject) => setTimeout(() => {
      if (params().get('location') === 'denied')
        reject(new PlatformError('定位失败：没有定位权限'))
      else
        resolve({ ...SANDBOX_LOCATION })
    }, locationDelayMs)),
  }
}
