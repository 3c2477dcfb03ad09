import { ApiError } from '../api/http'
import { PlatformError } from '../platform/types'

/** `reload`: the retry is a fresh page load (new signatures, a new handshake), not another request. */
export interface StartProblem { title: string, message: string, canRetry: boolean, reload?: boolean }

const BY_CODE: Record<string, Omit<StartProblem, 'message'>> = {
  NOT_YOUR_CUSTOMER: { title: '不是你跟进的客户', canRetry: false },
  CUSTOMER_NOT_FOUND: { title: '找不到这位客户', canRetry: false },
  NETWORK: { title: '网络连接失败', canRetry: true },
  WECOM_API_NOT_ALLOWED: { title: '应用还不能读取客户信息', canRetry: false },
  WECOM_IP_NOT_TRUSTED: { title: '企业微信拒绝了服务器', canRetry: true },
}

const BY_FAILURE: Record<PlatformError['failure'], string> = {
  'signature': '企业微信签名校验失败',
  'permission': '企业微信没有开放权限',
  'timeout': '企业微信没有响应',
  'unsupported': '企业微信版本不支持',
  'cancel': '已取消',
  'too-short': '企业微信接口调用失败',
  'failed': '企业微信接口调用失败',
}

/** What the start-up page says when something stopped the form from opening. */
export function describeStartProblem(error: unknown): StartProblem {
  if (error instanceof ApiError) {
    const known = BY_CODE[error.code]
    return { title: known?.title ?? '加载失败', message: error.message, canRetry: known?.canRetry ?? error.status >= 500 }
  }
  if (error instanceof PlatformError)
    return { title: BY_FAILURE[error.failure], message: error.message, canRetry: true, reload: true }
  return { title: '加载失败', message: '页面出了点问题，请稍后重试', canRetry: true }
}
