import type { installFakeServer } from '../testing/fakeServer'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const signature = { timestamp: 1767225600, nonceStr: 'n', signature: 'a'.repeat(40) }

/** A stand-in for the WeCom client's bridge, answering the names the real SDK invokes. */
function installBridge(answers: Record<string, Record<string, unknown>>) {
  const calls: { name: string, params: Record<string, unknown> }[] = []
  Object.assign(window, {
    WeixinJSBridge: {
      invoke(name: string, params: Record<string, unknown>, callback: (res: Record<string, unknown>) => void) {
        calls.push({ name, params })
        setTimeout(() => callback({ err_msg: `${name}:ok`, ...answers[name] }), 0)
      },
      on() {},
    },
  })
  return calls
}

describe('the WeCom platform (real @wecom/jssdk over a fake bridge)', () => {
  let server: ReturnType<typeof installFakeServer>
  beforeEach(async () => {
    // A fresh SDK and API module per test: the SDK reads the user agent and keeps its registration at module level.
    vi.resetModules()
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 (iPhone) wxwork/4.1.30 MicroMessenger/7.0.1')
    server = (await import('../testing/fakeServer')).installFakeServer()
    server.on('POST', '/api/jssdk/config', () => ({ status: 200, body: { corpId: 'ww1', agentId: 1000002, config: signature, agentConfig: signature } }))
  })
  afterEach(() => {
    server.restore()
    vi.restoreAllMocks()
  })

  it('signs both configs with one server call and reads entry, customer and location', async () => {
    const bridge = installBridge({
      getContext: { entry: 'single_chat_tools' },
      getCurExternalContact: { userId: 'wmAbc' },
      geoLocation: { latitude: 31.23, longitude: 121.47 },
    })
    const { createWeComPlatform, isWeCom } = await import('./wecom')
    expect(isWeCom()).toBe(true)
    const platform = createWeComPlatform()
    expect(await platform.getEntry()).toBe('single_chat_tools')
    expect(await platform.getCurExternalContact()).toBe('wmAbc')
    expect(await platform.getLocation()).toEqual({ lat: 31.23, lng: 121.47 })
    await platform.ready()
    expect(server.requests.filter(r => r.url === '/api/jssdk/config')).toHaveLength(1)
    expect(server.requests[0]?.body).toEqual({ url: location.href.split('#')[0] })
    expect(bridge.find(c => c.name === 'geoLocation')?.params).toMatchObject({ type: 'gcj02' })
  })

  it('uses the signatures pre-signed into the page for its own URL, without a server call', async () => {
    const bridge = installBridge({ getContext: { entry: 'contact_profile' }, getCurExternalContact: { userId: 'wmPre' } })
    const { createWeComPlatform } = await import('./wecom')
    const preSigned = { url: location.href.split('#')[0]!, corpId: 'wwPre', agentId: 1000009, config: signature, agentConfig: { ...signature, nonceStr: 'agent' } }
    const platform = createWeComPlatform(preSigned)
    expect(await platform.getCurExternalContact()).toBe('wmPre')
    await platform.ready()
    expect(server.requests.filter(r => r.url === '/api/jssdk/config')).toHaveLength(0)
    expect(bridge.find(c => c.name === 'agentConfig')?.params).toMatchObject({ corpid: 'wwPre', agentid: '1000009', nonceStr: 'agent' })
  })

  it('asks the server when the pre-signed URL is not the page\'s', async () => {
    installBridge({ getContext: { entry: 'single_chat_tools' }, getCurExternalContact: { userId: 'wmAbc' } })
    const { createWeComPlatform } = await import('./wecom')
    const platform = createWeComPlatform({ url: 'http://elsewhere.example/', corpId: 'wwPre', agentId: 1, config: signature, agentConfig: signature })
    await platform.getCurExternalContact()
    expect(server.requests.filter(r => r.url === '/api/jssdk/config')).toHaveLength(1)
  })

  it('offers no voice input on the PC sidebar, where WeCom cannot record', async () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Safari/537.36 wxwork/4.1.33 WindowsWechat')
    installBridge({ getContext: { entry: 'single_chat_tools' } })
    const { createWeComPlatform } = await import('./wecom')
    const platform = createWeComPlatform({ url: location.href.split('#')[0]!, corpId: 'wwPre', agentId: 1, config: signature, agentConfig: signature })
    expect(await platform.getEntry()).toBe('single_chat_tools')
    expect(platform.desktop).toBe(true)
    expect(platform.voice).toBeUndefined()
  })
})
