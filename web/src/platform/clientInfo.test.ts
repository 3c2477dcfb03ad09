import { describe, expect, it } from 'vitest'
import { clientInfo } from './clientInfo'

describe('clientInfo', () => {
  it.each([
    ['iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.28 MicroMessenger/7.0.1', 5, { platform: 'ios', desktop: false, version: '4.1.28' }],
    ['Android', 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 wxwork/4.1.30 MicroMessenger/7.0.1', 5, { platform: 'android', desktop: false, version: '4.1.30' }],
    ['Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Safari/537.36 wxwork/4.1.33 (MicroMessenger/6.2) WindowsWechat', 0, { platform: 'windows', desktop: true, version: '4.1.33' }],
    ['Mac', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) wxwork/4.1.33 MicroMessenger/6.2 MacWechat', 0, { platform: 'mac', desktop: true, version: '4.1.33' }],
    ['iPad as a desktop', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) wxwork/4.1.33', 5, { desktop: false }],
  ])('reads a %s client', (_name, ua, touchPoints, expected) => {
    expect(clientInfo(ua, touchPoints)).toMatchObject(expected)
  })
})
