import type { Page } from '@playwright/test'

export const WECOM_USER_AGENT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.28 MicroMessenger/7.0.1 Language/zh ColorScheme/Light'

export interface BridgeOptions {
  entry: string
  externalUserId?: string
  /** The customer group's chat_id getCurExternalChat answers from the group_chat_tools entry. */
  chatId?: string
  location?: { latitude: number, longitude: number } | 'denied'
  /** What translateVoice recognises; without it the voice APIs are answered as unsupported. */
  spoken?: string
}

export interface BridgeCall { name: string, params: Record<string, unknown> }

/**
 * A stand-in for the WeCom client's JS bridge (window.WeixinJSBridge), injected before the page loads so the real
 * @wecom/jssdk runs against it. It answers the names the SDK invokes and records what it was given.
 */
export async function installWecomBridge(page: Page, options: BridgeOptions) {
  await page.addInitScript((opts: BridgeOptions) => {
    const calls: { name: string, params: unknown }[] = []
    ;(window as any).__bridgeCalls = calls
    // Like the WeCom client: the customer-contact APIs answer only after a successful agentConfig.
    // The voice APIs need a config (the corp's, or since WeCom 3.0.24 the agent's) that listed them.
    let agentConfigured = false
    let corpConfigured = false
    const granted = new Set<string>()
    const needsAgentConfig = new Set(['getContext', 'getCurExternalContact', 'getCurExternalChat', 'geoLocation'])
    const voice = new Set(['startRecord', 'stopRecord', 'translateVoice'])
    const answer = (name: string, params: any): Record<string, unknown> => {
      if ((needsAgentConfig.has(name) && !agentConfigured) || (voice.has(name) && !granted.has(name)))
        return { err_msg: `${name}:fail_no permission` }
      if (voice.has(name) && !opts.spoken)
        return { err_msg: `${name}:fail_not supported` }
      switch (name) {
        case 'preVerifyJSAPI':
          corpConfigured = typeof params?.verifySignature === 'string' && params.verifySignature.length === 40
          if (corpConfigured)
            (params.verifyJsApiList ?? []).forEach((api: string) => granted.add(api))
          return { err_msg: corpConfigured ? 'config:ok' : 'config:fail_invalid signature' }
        case 'startRecord': return { err_msg: 'startRecord:ok' }
        case 'stopRecord': return { err_msg: 'stopRecord:ok', localId: 'local-voice-1' }
        case 'translateVoice':
          return params?.localId === 'local-voice-1' ? { err_msg: 'translateVoice:ok', translateResult: opts.spoken } : { err_msg: 'translateVoice:fail_no such voice' }
        case 'agentConfig':
          agentConfigured = typeof params?.signature === 'string' && params.signature.length === 40
          if (agentConfigured)
            (params.jsApiList ?? []).forEach((api: string) => granted.add(api))
          return { err_msg: agentConfigured ? 'agentConfig:ok' : 'agentConfig:fail_invalid signature' }
        case 'getContext': return { err_msg: 'getContext:ok', entry: opts.entry, shareTicket: '' }
        case 'getCurExternalContact':
          return opts.entry === 'single_chat_tools' || opts.entry === 'contact_profile'
            ? { err_msg: 'getCurExternalContact:ok', userId: opts.externalUserId }
            : { err_msg: 'getCurExternalContact:fail_no permission' }
        case 'getCurExternalChat':
          return opts.entry === 'group_chat_tools'
            ? { err_msg: 'getCurExternalChat:ok', chatId: opts.chatId }
            : { err_msg: 'getCurExternalChat:fail without context of external contact' }
        case 'geoLocation':
          return opts.location === 'denied' || !opts.location
            ? { err_msg: 'geoLocation:fail_auth denied' }
            : { err_msg: 'geoLocation:ok', latitude: opts.location.latitude, longitude: opts.location.longitude, accuracy: 30, speed: 0, type: params?.type }
        default: return { err_msg: `${name}:fail_not supported in test` }
      }
    }
    ;(window as any).WeixinJSBridge = {
      invoke(name: string, params: unknown, callback: (result: unknown) => void) {
        calls.push({ name, params: JSON.parse(JSON.stringify(params ?? {})) })
        setTimeout(() => callback(answer(name, params)), 5)
      },
      on() {},
    }
  }, options)
}

export async function bridgeCalls(page: Page): Promise<BridgeCall[]> {
  return page.evaluate(() => (window as any).__bridgeCalls)
}
