import type { Page } from '@playwright/test'
import { createHash } from 'node:crypto'
import { sandbox } from './sandbox'

export { MAC_USER_AGENT, OLD_WECOM_USER_AGENT, WECOM_USER_AGENT, WINDOWS_USER_AGENT } from './user-agents'

export interface BridgeOptions {
  entry: string
  externalUserId?: string
  /** The customer group's chat_id getCurExternalChat answers from the group_chat_tools entry. */
  chatId?: string
  location?: { latitude: number, longitude: number } | 'denied'
  /** What translateVoice recognises; without it the voice APIs are answered as unsupported. */
  spoken?: string
  /** How long each answer takes (real clients: milliseconds to seconds); default 5 ms. */
  delayMs?: number
  /** The bridge object appears only this long after the page starts, announced by `WeixinJSBridgeReady`. */
  lateMs?: number
  /** Names whose first N calls are never answered (1e9: none is). `*` is every name. */
  silent?: Record<string, number>
  /** Only on the first load of the page in this tab: a reload meets a working client. */
  silentFirstLoadOnly?: boolean
  /** err_msg to answer instead, per name (`getCurExternalContact:fail_no permission`, `startRecord:cancel`). */
  fail?: Record<string, string>
  /** A stopRecord sooner than this after startRecord fails as too short, like the client. */
  minRecordMs?: number
  /**
   * Checks each signature against the tickets the browser tests' sandbox honours (default). `false` accepts any
   * 40-hex signature, for a sandbox on other ports (the benchmark).
   */
  verifySignatures?: boolean
}

export interface BridgeCall { name: string, params: Record<string, unknown> }

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex')

/**
 * A stand-in for the WeCom client's JS bridge (window.WeixinJSBridge), injected before the page loads so the real
 * @wecom/jssdk runs against it. Like the client it verifies both signatures against the tickets WeCom (the sandbox)
 * currently honours, needs the corp config before the agent config on clients older than 3.0.24, cannot record on
 * PC, and can be slow, late, silent or refusing. It records what it was given.
 */
export async function installWecomBridge(page: Page, options: BridgeOptions) {
  if (options.verifySignatures !== false) {
    await page.exposeFunction('__verifyWecomSignature', async (kind: 'jsapi' | 'agent', url: string, nonce: string, timestamp: string, signature: string) => {
      const tickets = (await sandbox.tickets())[kind]
      return tickets.some(ticket => sha1(`jsapi_ticket=${ticket}&noncestr=${nonce}&timestamp=${timestamp}&url=${url}`) === signature)
    })
  }
  await page.addInitScript((opts: BridgeOptions) => {
    const w = window as any
    const calls: { name: string, params: unknown }[] = []
    w.__bridgeCalls = calls
    const loads = Number(sessionStorage.getItem('__bridgeLoads') ?? 0) + 1
    sessionStorage.setItem('__bridgeLoads', String(loads))
    const ua = navigator.userAgent
    const version = (/wxwork\/([\d.]+)/.exec(ua)?.[1] ?? '0').split('.').map(Number)
    const older = (version[0] ?? 0) * 1e6 + (version[1] ?? 0) * 1e3 + (version[2] ?? 0) < 3_000_024
    const desktop = /Windows NT|Macintosh/.test(ua) && !/iPhone|Android/.test(ua)
    const silentCounts: Record<string, number> = opts.silentFirstLoadOnly && loads > 1 ? {} : { ...opts.silent }
    w.__bridgeSilent = silentCounts
    // Like the WeCom client: the customer-contact APIs answer only after a successful agentConfig.
    // The voice APIs need a config (the corp's, or since WeCom 3.0.24 the agent's) that listed them.
    let agentConfigured = false
    let corpConfigured = false
    let recordingSince = 0
    const granted = new Set<string>()
    const needsAgentConfig = new Set(['getContext', 'getCurExternalContact', 'getCurExternalChat', 'geoLocation'])
    const voice = new Set(['startRecord', 'stopRecord', 'translateVoice'])
    const handlers: Record<string, ((payload: unknown) => void)[]> = {}
    const pageUrl = () => location.href.split('#')[0]
    const verify = async (kind: string, nonce: string, timestamp: string, signature: string): Promise<boolean> =>
      opts.verifySignatures === false
        ? /^[0-9a-f]{40}$/.test(String(signature))
        : w.__verifyWecomSignature(kind, pageUrl(), String(nonce), String(timestamp), String(signature))

    const answer = async (name: string, params: any): Promise<Record<string, unknown>> => {
      if (opts.fail?.[name])
        return { err_msg: opts.fail[name] }
      if ((needsAgentConfig.has(name) && !agentConfigured) || (voice.has(name) && !granted.has(name)))
        return { err_msg: `${name}:fail_no permission` }
      if (voice.has(name) && (!opts.spoken || desktop))
        return { err_msg: `${name}:fail_not supported` }
      switch (name) {
        case 'preVerifyJSAPI':
          corpConfigured = await verify('jsapi', params?.verifyNonceStr, params?.verifyTimestamp, params?.verifySignature)
          if (corpConfigured)
            (params.verifyJsApiList ?? []).forEach((api: string) => granted.add(api))
          return { err_msg: corpConfigured ? 'config:ok' : 'config:fail_invalid signature' }
        case 'agentConfig':
          if (older && !corpConfigured)
            return { err_msg: 'agentConfig:fail_config not ready' }
          agentConfigured = await verify('agent', params?.nonceStr, params?.timestamp, params?.signature)
          if (agentConfigured)
            (params.jsApiList ?? []).forEach((api: string) => granted.add(api))
          return { err_msg: agentConfigured ? 'agentConfig:ok' : 'agentConfig:fail_invalid signature' }
        case 'startRecord':
          recordingSince = Date.now()
          return { err_msg: 'startRecord:ok' }
        case 'stopRecord':
          if (Date.now() - recordingSince < (opts.minRecordMs ?? 0))
            return { err_msg: 'stopRecord:tooshort' }
          return { err_msg: 'stopRecord:ok', localId: 'local-voice-1' }
        case 'translateVoice':
          return /^local-voice-\d$/.test(params?.localId) ? { err_msg: 'translateVoice:ok', translateResult: opts.spoken } : { err_msg: 'translateVoice:fail_no such voice' }
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
    const bridge = {
      invoke(name: string, params: unknown, callback: (result: unknown) => void) {
        calls.push({ name, params: JSON.parse(JSON.stringify(params ?? {})) })
        for (const key of [name, '*']) {
          if ((silentCounts[key] ?? 0) > 0) {
            silentCounts[key]! -= 1
            return
          }
        }
        void answer(name, params).then(result => setTimeout(() => callback(result), opts.delayMs ?? 5))
      },
      on(name: string, handler: (payload: unknown) => void) {
        (handlers[name] ??= []).push(handler)
      },
    }
    // What the client does by itself: the 60 s stop of a recording (`onVoiceRecordEnd`).
    w.__bridgeEmit = (name: string, payload: unknown) => (handlers[name] ?? []).forEach(handler => handler(payload))
    if (opts.lateMs === undefined) {
      w.WeixinJSBridge = bridge
      return
    }
    setTimeout(() => {
      w.WeixinJSBridge = bridge
      document.dispatchEvent(new Event('WeixinJSBridgeReady'))
    }, opts.lateMs)
  }, options)
}

export async function bridgeCalls(page: Page): Promise<BridgeCall[]> {
  return page.evaluate(() => (window as any).__bridgeCalls)
}

/** From now on, the next N calls of these names are never answered (as `silent`, set while the page runs). */
export async function silenceBridge(page: Page, silent: Record<string, number>) {
  await page.evaluate(counts => Object.assign((window as any).__bridgeSilent, counts), silent)
}

/** Fires a client event (`onVoiceRecordEnd`) as the client would. */
export async function emitBridgeEvent(page: Page, name: string, payload: Record<string, unknown>) {
  await page.evaluate(([n, p]) => (window as any).__bridgeEmit(n, p), [name, payload] as const)
}
