import type { PlatformFailure } from './types'
import { PlatformError } from './types'

const ASK_ADMIN = '请联系管理员检查企业微信管理后台中本应用的设置：「网页授权及JS-SDK」的可信域名要与本页地址一致，并在「客户联系 → 可调用接口的应用」中加入本应用。'

const RULES: [RegExp, PlatformFailure][] = [
  [/cancel/, 'cancel'],
  [/signature/, 'signature'],
  [/permission|denied|not allow|unauthori[sz]ed|forbidden/, 'permission'],
  [/short/, 'too-short'],
  [/support|unknown api|not exist/, 'unsupported'],
  [/timeout|timed out/, 'timeout'],
]

/** The raw `err_msg`/`errMsg` of an SDK rejection (a plain object, not an Error), or the Error's message. */
export function rawMessage(error: unknown): string {
  if (error && typeof error === 'object') {
    const { errMsg, err_msg: errMsgSnake } = error as { errMsg?: unknown, err_msg?: unknown }
    if (typeof errMsg === 'string' || typeof errMsgSnake === 'string')
      return String(errMsg ?? errMsgSnake)
  }
  return error instanceof Error ? error.message : String(error ?? '')
}

/** `agentConfig:fail_invalid signature` -> api `agentConfig`, keyword `invalid signature`. */
export function splitErrMsg(raw: string, fallbackApi: string): { api: string, keyword: string } {
  const at = raw.indexOf(':')
  const api = at > 0 && /^[A-Z]+$/i.test(raw.slice(0, at)) ? raw.slice(0, at) : fallbackApi
  const keyword = (at >= 0 ? raw.slice(at + 1) : raw).toLowerCase().replace(/^fail_?/, '').replace(/[^a-z0-9 _-]+/g, ' ').trim().slice(0, 48)
  return { api, keyword: keyword || 'fail' }
}

/** What the salesperson reads for each failure of `what` (a Chinese name of the action). */
function messageFor(failure: PlatformFailure, what: string): string {
  switch (failure) {
    case 'cancel': return `已取消${what}`
    case 'signature': return `企业微信没有通过本页的签名校验，暂时无法${what}。请点“重试”；若仍失败，${ASK_ADMIN}`
    case 'permission': return `企业微信没有允许本应用${what}。${ASK_ADMIN}`
    case 'timeout': return `企业微信长时间没有响应，未能${what}。请检查网络后点“重试”。`
    case 'unsupported': return `当前企业微信不支持${what}，请升级企业微信或在手机上操作。`
    case 'too-short': return '说话时间太短，没有录到声音。请点“语音”后多说几句，再点“结束”。'
    default: return `未能${what}，请重试。`
  }
}

/** Turns any SDK rejection into a PlatformError with a Chinese message; the raw text survives only as api/keyword. */
export function toPlatformError(error: unknown, api: string, what: string): PlatformError {
  if (error instanceof PlatformError)
    return error
  const raw = rawMessage(error)
  const split = splitErrMsg(raw, api)
  const failure = RULES.find(([pattern]) => pattern.test(split.keyword))?.[1] ?? 'failed'
  return new PlatformError(messageFor(failure, what), failure, split.api, split.keyword)
}

/** Rejects with a `timeout` PlatformError when `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, api: string, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PlatformError(messageFor('timeout', what), 'timeout', api, 'timeout')), ms)
  })
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer))
}
