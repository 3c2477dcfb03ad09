import { describe, expect, it, vi } from 'vitest'
import { PlatformError } from './types'
import { toPlatformError, withTimeout } from './wecomErrors'

describe('toPlatformError', () => {
  it.each([
    [{ errMsg: 'getLocation:cancel' }, 'cancel', 'getLocation', 'cancel'],
    [{ err_msg: 'agentConfig:fail_invalid signature' }, 'signature', 'agentConfig', 'invalid signature'],
    [{ errMsg: 'config:fail_invalid signature', errCode: -1 }, 'signature', 'config', 'invalid signature'],
    [{ errMsg: 'getCurExternalContact:fail_no permission' }, 'permission', 'getCurExternalContact', 'no permission'],
    [{ errMsg: 'stopRecord:tooshort' }, 'too-short', 'stopRecord', 'tooshort'],
    [{ errMsg: 'startRecord:fail_not supported' }, 'unsupported', 'startRecord', 'not supported'],
    [{ errMsg: 'geoLocation:fail_system error 陈静' }, 'failed', 'geoLocation', 'system error'],
    [new Error('boom'), 'failed', 'getContext', 'boom'],
  ])('reads %j as %s', (raw, failure, api, keyword) => {
    const error = toPlatformError(raw, 'getContext', '读取打开入口')
    expect(error).toBeInstanceOf(PlatformError)
    expect(error).toMatchObject({ failure, api, keyword })
  })

  it('never shows the client\'s raw words, and names the console settings for permission and signature failures', () => {
    for (const raw of ['agentConfig:fail_invalid signature', 'getCurExternalContact:fail_no permission']) {
      const { message } = toPlatformError({ errMsg: raw }, 'x', '读取当前客户')
      expect(message).not.toContain(raw.split(':')[1])
      expect(message).toContain('可信域名')
      expect(message).toContain('客户联系 → 可调用接口的应用')
    }
  })
})

describe('withTimeout', () => {
  it('rejects a call that never settles with a timeout PlatformError after the limit', async () => {
    vi.useFakeTimers()
    try {
      const pending = withTimeout(new Promise(() => {}), 8000, 'getContext', '读取打开入口')
      const outcome = pending.catch((error: unknown) => error)
      await vi.advanceTimersByTimeAsync(7999)
      await vi.advanceTimersByTimeAsync(1)
      expect(await outcome).toMatchObject({ failure: 'timeout', api: 'getContext', keyword: 'timeout', message: expect.stringContaining('没有响应') })
    }
    finally {
      vi.useRealTimers()
    }
  })
})
