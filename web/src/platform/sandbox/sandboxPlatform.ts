import type { Platform } from '../types'
import { GROUP_ENTRY, PlatformError } from '../types'
import { pickSandbox, pickSandboxCustomer } from './pickSandboxCustomer'

/** 上海 人民广场, where every sandbox salesperson happens to be. */
export const SANDBOX_LOCATION = { lat: 31.2304, lng: 121.4737, address: '上海市黄浦区 人民广场' }

function setInUrl(name: 'customer' | 'chat', value: string) {
  const url = new URL(location.href)
  url.searchParams.set(name, value)
  history.replaceState(history.state, '', url)
}
const setCustomerInUrl = (externalUserId: string) => setInUrl('customer', externalUserId)

/**
 * Stands in for the WeCom client outside WeCom: `?customer=` opens a customer's chat, `?chat=` a customer group's,
 * `?entry=` simulates another entry, `?location=denied` a refused location. With none of them a picker offers the
 * demo customers and groups.
 */
export function createSandboxPlatform(locationDelayMs = 600): Platform {
  const params = () => new URL(location.href).searchParams
  return {
    kind: 'sandbox',
    desktop: false,
    ready: () => Promise.resolve(),
    async getEntry() {
      const given = params()
      if (given.get('entry'))
        return given.get('entry')!
      if (given.get('chat'))
        return GROUP_ENTRY
      if (given.get('customer'))
        return 'single_chat_tools'
      const chosen = await pickSandbox(false, 'both')
      if (chosen.kind === 'group') {
        setInUrl('chat', chosen.chatId)
        return GROUP_ENTRY
      }
      setCustomerInUrl(chosen.externalUserId)
      return 'single_chat_tools'
    },
    async getCurExternalChat() {
      const fromUrl = params().get('chat')
      if (fromUrl)
        return fromUrl
      const chosen = await pickSandbox(false, 'groups')
      if (chosen.kind !== 'group')
        throw new PlatformError('读取当前客户群失败：没有选择客户群')
      setInUrl('chat', chosen.chatId)
      return chosen.chatId
    },
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
        reject(new PlatformError('没有定位权限：请允许使用定位后点“重新定位”。', 'permission', 'getLocation', 'auth denied'))
      else
        resolve({ ...SANDBOX_LOCATION })
    }, locationDelayMs)),
  }
}
