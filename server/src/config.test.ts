import { describe, expect, it } from 'vitest'
import { ConfigError, loadSettings, trustProxySetting } from './config'

const credentials = {
  WECOM_CORP_ID: 'ww1234567890',
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'wecom-secret-value',
  PULAN_BASE_URL: 'https://open.pulan.example',
  PULAN_APP_KEY: 'pulan-key',
  PULAN_APP_SECRET: 'pulan-secret-value',
}
const STRONG_SECRET = 'q7Vd2LmX9sPzR4tYb8NcW1kJfH6gA3eU'
const productionBasics = { NODE_ENV: 'production', SESSION_SECRET: STRONG_SECRET, PUBLIC_URL: 'https://followup.example.com' }

describe('loadSettings', () => {
  it('runs on the sandbox when no credentials are set outside production', () => {
    const settings = loadSettings({})
    expect(settings.sandbox).toBe(true)
    expect(settings.wecom).toBeNull()
    expect(settings.port).toBe(3000)
    expect(settings.publicUrl).toBe('http://localhost:3000')
  })

  it('uses the real upstreams when every credential is set', () => {
    const settings = loadSettings({ ...credentials, ...productionBasics })
    expect(settings.sandbox).toBe(false)
    expect(settings.wecom).toMatchObject({ corpId: 'ww1234567890', agentId: 1000002, apiBase: 'https://qyapi.weixin.qq.com', oauthBase: 'https://open.weixin.qq.com' })
    expect(settings.pulan?.paths.addFollow).toBe('/open-api/customer/biz-submit/add-follow')
  })

  it('lets configuration override an assumed 谱蓝云 path', () => {
    const settings = loadSettings({ ...credentials, PULAN_PATH_CUSTOMER: '/open-api/v2/customer/info' })
    expect(settings.pulan?.paths.customer).toBe('/open-api/v2/customer/info')
  })

  it('allows the sandbox in production only with SANDBOX=1', () => {
    expect(loadSettings({ ...productionBasics, SANDBOX: '1' }).sandbox).toBe(true)
  })

  it.each([
    ['production without credentials', { ...productionBasics }, /Missing credentials: WECOM_CORP_ID/],
    ['some credentials but not all', { WECOM_CORP_ID: 'ww1' }, /Missing credentials: WECOM_AGENT_ID, WECOM_SECRET/],
    ['production without SESSION_SECRET', { ...credentials, NODE_ENV: 'production', PUBLIC_URL: 'https://a.example' }, /SESSION_SECRET is required/],
    ['production without PUBLIC_URL', { ...credentials, NODE_ENV: 'production', SESSION_SECRET: STRONG_SECRET }, /PUBLIC_URL is required/],
    ['a port that is not a number', { PORT: 'eighty' }, /PORT/],
    ['a port out of range', { PORT: '70000' }, /PORT/],
    ['a PUBLIC_URL that is not a URL', { PUBLIC_URL: 'followup.example.com' }, /PUBLIC_URL/],
    ['a short SESSION_SECRET', { SESSION_SECRET: 'short' }, /SESSION_SECRET: must be at least 32/],
    ['a non-numeric agent id', { ...credentials, WECOM_AGENT_ID: 'abc' }, /WECOM_AGENT_ID/],
    ['a REDIS_URL of another scheme', { REDIS_URL: 'http://127.0.0.1:6379' }, /REDIS_URL/],
    ['an unknown NODE_ENV', { NODE_ENV: 'staging' }, /NODE_ENV/],
  ])('refuses to start with %s', (_name, env, message) => {
    expect(() => loadSettings(env)).toThrow(ConfigError)
    expect(() => loadSettings(env)).toThrow(message)
  })

  it('never echoes a secret in its error message', () => {
    try {
      loadSettings({ ...credentials, WECOM_AGENT_ID: 'abc', NODE_ENV: 'production' })
      expect.unreachable()
    }
    catch (error) {
      expect(String(error)).not.toContain('wecom-secret-value')
      expect(String(error)).not.toContain('pulan-secret-value')
    }
  })
})

describe('trustProxySetting', () => {
  it.each([
    ['1', 1],
    ['2', 2],
    ['true', true],
    ['false', false],
    ['loopback', 'loopback'],
    ['10.0.0.0/8, 127.0.0.1', '10.0.0.0/8, 127.0.0.1'],
  ])('reads TRUST_PROXY=%s as Express wants it', (value, expected) => {
    expect(trustProxySetting(value)).toBe(expected)
  })
})
