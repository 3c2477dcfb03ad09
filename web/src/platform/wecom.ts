import type { JssdkConfigResponse } from '@app/shared'
import type { postJssdkConfig } from '../api/endpoints'
import type { Platform } from './types'
import * as ww from '@wecom/jssdk'
import { loadEndpoints } from '../api/lazy'
import { clientInfo } from './clientInfo'
import { reportBadSignature } from './report'
import { toPlatformError, withTimeout } from './wecomErrors'
import { createWeComVoice } from './wecomVoice'

/** The handshake (signatures, corp and agent config) and each ordinary call get this long; locating gets longer. */
export const HANDSHAKE_MS = 8000
export const LOCATION_MS = 15_000

const JS_API_LIST = ['getContext', 'getCurExternalContact', 'getCurExternalChat', 'getLocation', 'startRecord', 'stopRecord', 'translateVoice', 'onVoiceRecordEnd']

export function isWeCom() {
  return ww.env.isWeCom
}

/** One server call serves both signatures of a URL; the page's own URL is usually pre-signed in the boot block. */
function signatureSource(preSigned?: PreSigned) {
  const byUrl = new Map<string, ReturnType<typeof postJssdkConfig>>()
  if (preSigned)
    byUrl.set(preSigned.url, Promise.resolve(preSigned))
  return (url: string) => {
    let pending = byUrl.get(url)
    if (!pending) {
      pending = loadEndpoints().then(api => api.postJssdkConfig(url))
      pending.catch(() => byUrl.delete(url))
      byUrl.set(url, pending)
    }
    return pending
  }
}

export type PreSigned = JssdkConfigResponse & { url: string }

export function createWeComPlatform(preSigned?: PreSigned): Platform {
  const pageUrl = () => location.href.split('#')[0]!
  const configFor = signatureSource(preSigned)
  const { desktop } = clientInfo()
  let handshakeDone = false
  let settle!: { resolve: () => void, reject: (error: unknown) => void }
  const handshake = new Promise<void>((resolve, reject) => (settle = { resolve, reject }))
  handshake.then(() => (handshakeDone = true), () => {})

  /**
   * Every failure becomes Chinese words; a rejected signature also asks the server for a new ticket. What the
   * salesperson was shown is reported by whoever showed it (a failure can be expected, as the customer in a group).
   */
  function failed(error: unknown, api: string, what: string) {
    const problem = toPlatformError(error, api, what)
    if (problem.failure === 'timeout' && !handshakeDone) {
      // A call that timed out while the handshake was still open: the handshake (or the bridge itself) hung.
      const hung = new Error(`${'WeixinJSBridge' in window ? 'agentConfig' : 'bridge'}:timeout`)
      return toPlatformError(hung, 'agentConfig', '连接企业微信')
    }
    if (problem.failure === 'signature')
      void reportBadSignature(problem.api)
    return problem
  }

  // The SDK runs agentConfig lazily for the calls that need it, but only once registered: every call waits for that.
  const registered = configFor(pageUrl()).then((first) => {
    ww.register({
      corpId: first.corpId,
      agentId: first.agentId,
      jsApiList: JS_API_LIST,
      getConfigSignature: async url => (await configFor(url)).config,
      getAgentConfigSignature: async url => (await configFor(url)).agentConfig,
      onAgentConfigSuccess: () => settle.resolve(),
      onConfigFail: error => settle.reject(failed(error, 'config', '连接企业微信')),
      onAgentConfigFail: error => settle.reject(failed(error, 'agentConfig', '连接企业微信')),
    })
  })
  registered.catch(() => {})

  async function call<T>(api: string, what: string, run: () => Promise<T>, ms = HANDSHAKE_MS): Promise<T> {
    try {
      return await withTimeout(registered.then(run), ms, api, what)
    }
    catch (error) {
      throw failed(error, api, what)
    }
  }

  const ready = withTimeout(handshake, HANDSHAKE_MS, 'agentConfig', '连接企业微信')
  ready.catch(() => {})

  return {
    kind: 'wecom',
    desktop,
    ready: () => ready,
    getEntry: () => call('getContext', '读取打开入口', async () => (await ww.getContext()).entry),
    getCurExternalContact: () => call('getCurExternalContact', '读取当前客户', async () => (await ww.getCurExternalContact()).userId),
    getCurExternalChat: () => call('getCurExternalChat', '读取当前客户群', async () => (await ww.getCurExternalChat()).chatId),
    getLocation: () => call('getLocation', '定位', async () => {
      const place = await ww.getLocation({ type: ww.LocationType.gcj02 })
      return { lat: place.latitude, lng: place.longitude }
    }, LOCATION_MS),
    // The PC clients cannot record: no voice button there rather than one that ends in an error.
    ...(!desktop && { voice: createWeComVoice(call) }),
  }
}
