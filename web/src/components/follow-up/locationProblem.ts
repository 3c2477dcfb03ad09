import { PlatformError } from '../../platform'

export interface LocationProblem { message: string, skipped: boolean }

/**
 * What a Location module says when no position came. On the PC sidebar an optional module is skipped, a required one
 * says how to finish; a cancel stays quiet; elsewhere the reason in words. Null: say nothing.
 */
export function locationProblem(error: unknown, desktop: boolean, required: boolean): LocationProblem | null {
  const failure = error instanceof PlatformError ? error.failure : 'failed'
  if (failure === 'cancel')
    return null
  if (desktop && !required)
    return { skipped: true, message: '电脑端企业微信无法定位，此项选填，已跳过。' }
  if (desktop)
    return { skipped: false, message: '这一项必须定位，但电脑端企业微信无法获取位置。请在手机企业微信里打开与该客户的聊天，从聊天工具栏打开记跟进完成这条跟进；这里已填写的内容会保留，也可稍后点“重新定位”再试。' }
  if (failure === 'permission')
    return { skipped: false, message: '没有定位权限：请在手机设置中允许企业微信使用位置信息，然后点“重新定位”。' }
  if (failure === 'timeout')
    return { skipped: false, message: '定位超时：请到信号好的地方或打开手机定位后点“重新定位”。' }
  return { skipped: false, message: '无法获取位置：请打开手机定位并允许企业微信使用后点“重新定位”。' }
}
