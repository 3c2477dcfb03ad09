import type { JssdkConfigResponse } from '@app/shared'
import type { Platform } from './types'
import * as ww from '@wecom/jssdk'
import { postJssdkConfig } from '../api/endpoints'
import { PlatformError } from './types'

const JS_API_LIST = ['getContext', 'getCurExternalContact', 'getCurExternalChat', 'getLocation', 'startRecord', 'stopRecord', 'translateVoice']

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
      pending = postJssdkConfig(url)
      pending.catch(() => byUrl.delete(url))
      byUrl.set(url, pending)
    }
    return pending
  }
}

function errMsg(error: unknown) {
  if (error && typeof error === 'object' && 'errMsg' in error)
    return String((error as { errMsg: unknown }).errMsg)
  return error instanceof Error ? error.message : String(error)
}

export type PreSigned = JssdkConfigResponse & { url: string }

export function createWeComPlatform(preSigned?: PreSigned): Platform {
  const pageUrl = () => location.href.split('#')[0]!
  const configFor = signatureSource(preSigned)
  let settle!: { resolve: () => void, reject: (error: Error) => void }
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }))
  ready.catch(() => {})

  // The SDK runs agentConfig lazily for the calls that need it, but only once registered: every call waits for that.
  const registered = configFor(pageUrl()).then((first) => {
    ww.register({
      corpId: first.corpId,
      agentId: first.agentId,
      jsApiList: JS_API_LIST,
      getConfigSignature: async url => (await configFor(url)).config,
      getAgentConfigSignature: async url => (await configFor(url)).agentConfig,
      onAgentConfigSuccess: () => settle.resolve(),
      onConfigFail: error => settle.reject(new PlatformError(`企业微信签名校验失败：${errMsg(error)}`, error)),
      onAgentConfigFail: error => settle.reject(new PlatformError(`企业微信应用签名校验失败：${errMsg(error)}`, error)),
    })
  }, (error) => {
    const problem = new PlatformError('无法获取企业微信签名，请稍后重试', error)
    settle.reject(problem)
    throw problem
  })
  registered.catch(() => {})

  async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
    await registered
    try {
      return await run()
    }
    catch (error) {
      throw new PlatformError(`${what}失败：${errMsg(error)}`, error)
    }
  }

  return {
    kind: 'wecom',
    ready: () => ready,
    getEntry: () => call('读取打开入口', async () => (await ww.getContext()).entry),
    getCurExternalContact: () => call('读取当前客户', async () => (await ww.getCurExternalContact()).userId),
    getCurExternalChat: () => call('读取当前客户群', async () => (await ww.getCurExternalChat()).chatId),
    getLocation: () => call('定位', async () => {
      const place = await ww.getLocation({ type: ww.LocationType.gcj02 })
      return { lat: place.latitude, lng: place.longitude }
    }),
    voice: {
      start: () => call('开始录音', async () => {
        await ww.startRecord()
      }),
      stop: () => call('语音识别', async () => {
        const { localId } = await ww.stopRecord()
        const { translateResult } = await ww.translateVoice({ localId, isShowProgressTips: true })
        return translateResult
      }),
    },
  }
}
