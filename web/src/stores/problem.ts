import { ApiError } from '../api/http'
import { PlatformError } from '../platform/types'

export interface StartProblem { title: string, message: string, canRetry: boolean }

const BY_CODE: Record<string, Omit<StartProblem, 'message'>> = {
  NOT_YOUR_CUSTOMER: { title: '不是你跟进的客户', canRetry: false },
  CUSTOMER_NOT_FOUND: { title: '找不到这位客户', canRetry: false },
  NETWORK: { title: '网络连接失败', canRetry: true },
}

/** What the start-up page says when something stopped the form from opening. */
export function describeStartProblem(error: unknown): StartProblem {
  if (error instanceof ApiError) {
    const known = BY_CODE[error.code]
    return { title: known?.title ?? '加载失败', message: error.message, canRetry: known?.canRetry ?? error.status >= 500 }
  }
  if (error instanceof PlatformError)
    return { title: '企业微信接口调用失败', message: error.message, canRetry: true }
  return { title: '加载失败', message: '页面出了点问题，请稍后重试', canRetry: true }
}
