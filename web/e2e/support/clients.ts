import { PC_SIDEBAR, PHONE } from './phone'
import { MAC_USER_AGENT, OLD_WECOM_USER_AGENT, WECOM_USER_AGENT, WINDOWS_USER_AGENT } from './user-agents'

/** Windows WeCom older than 3.0.24: the corp config must succeed before the agent config. */
const OLD_WINDOWS_USER_AGENT = WINDOWS_USER_AGENT.replace('wxwork/4.1.33', 'wxwork/3.0.16')

/** The two places a salesperson opens the page: a phone (375x667, touch) and the PC sidebar (360x640, mouse). */
export const CLIENTS = [
  { name: 'phone', use: { ...PHONE, userAgent: WECOM_USER_AGENT }, oldUserAgent: OLD_WECOM_USER_AGENT },
  { name: 'pc', use: { ...PC_SIDEBAR, userAgent: WINDOWS_USER_AGENT }, oldUserAgent: OLD_WINDOWS_USER_AGENT },
] as const

export const MAC_SIDEBAR = { ...PC_SIDEBAR, userAgent: MAC_USER_AGENT }

export const CHEN_JING = { entry: 'single_chat_tools', externalUserId: 'wmDemoChenJing01' } as const
export const LOCATION = { latitude: 30.2741, longitude: 120.1551 } as const
