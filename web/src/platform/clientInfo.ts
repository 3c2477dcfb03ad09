import type { ClientReport } from '@app/shared'

/** What the user agent says about the WeCom client: its version and whether it is the PC sidebar. */
export function clientInfo(userAgent = navigator.userAgent, touchPoints = navigator.maxTouchPoints ?? 0) {
  const version = /wxwork\/([\d.]+)/i.exec(userAgent)?.[1]
  const mobile = /iPhone|iPad|iPod|Android|HarmonyOS/i.test(userAgent)
  const windows = !mobile && /Windows NT|WindowsWechat/i.test(userAgent)
  // An iPad asking for the desktop site says Macintosh too, but has a touch screen.
  const mac = !mobile && /Macintosh|MacWechat/i.test(userAgent) && touchPoints <= 1
  const platform: ClientReport['platform'] = windows ? 'windows' : mac ? 'mac' : /Android/i.test(userAgent) ? 'android' : /iPhone|iPad|iPod/i.test(userAgent) ? 'ios' : 'other'
  return { version, platform, desktop: windows || mac }
}
