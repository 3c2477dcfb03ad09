import { describe, expect, it } from 'vitest'
import { ConfigError, loadSettings } from './config'
import { weakSecretReason } from './production-rules'

const credentials = {
  WECOM_CORP_ID: 'ww1234567890',
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'wecom-secret-value',
  PULAN_BASE_URL: 'https://open.pulan.example',
  PULAN_APP_KEY: 'pulan-key',
  PULAN_APP_SECRET: 'pulan-secret-value',
}
const production = { ...credentials, NODE_ENV: 'production', SESSION_SECRET: 'q7Vd2LmX9sPzR4tYb8NcW1kJfH6gA3eU', PUBLIC_URL: 'https://followup.example.com' }

function refusal(env: Record<string, string>): string {
  try {
    loadSettings(env)
  }
  catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected the configuration to be refused')
}

describe('production refuses unsafe settings, naming the variable and what to set', () => {
  it('starts with a safe production configuration (so the refusals below are about one variable each)', () => {
    expect(loadSettings(production).sandbox).toBe(false)
    expect(loadSettings({ ...production, TRUST_PROXY: '1' }).trustProxy).toBe('1')
    expect(loadSettings({ ...production, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8')
    expect(loadSettings({ ...production, PUBLIC_URL: 'http://127.0.0.1:3000' }).publicUrl).toBe('http://127.0.0.1:3000')
    expect(loadSettings({ ...production, PUBLIC_URL: 'http://localhost:8080' }).publicUrl).toBe('http://localhost:8080')
  })

  it.each(Object.keys(credentials))('refuses SANDBOX=1 together with %s', (name) => {
    const env = { NODE_ENV: 'production', SESSION_SECRET: production.SESSION_SECRET, PUBLIC_URL: production.PUBLIC_URL, SANDBOX: '1', [name]: credentials[name as keyof typeof credentials] }
    expect(refusal(env)).toMatch(new RegExp(`SANDBOX=1 is set together with real credentials \\(${name}\\): remove SANDBOX`))
  })

  it.each([
    'https://collector.evil.example/token',
    'http://10.0.0.5/open-api/token',
    '//collector.evil.example/token',
    '/open-api/../../token',
    '/open-api/token?redirect=https://evil.example',
    '/open-api/token#x',
    '\\\\evil.example\\token',
    'open-api/token',
    '/open-api/%2e%2e/token',
  ])('refuses a PULAN_PATH_TOKEN of %j', (value) => {
    expect(refusal({ ...production, PULAN_PATH_TOKEN: value })).toMatch(/PULAN_PATH_TOKEN: must be a plain absolute path/)
  })

  it.each(['PULAN_PATH_USER', 'PULAN_PATH_CUSTOMER', 'PULAN_PATH_OPPORTUNITIES', 'PULAN_PATH_UPLOAD', 'PULAN_PATH_ADD_FOLLOW'])('refuses %s as an absolute URL', (name) => {
    expect(refusal({ ...production, [name]: 'https://evil.example/x' })).toContain(`${name}: must be a plain absolute path`)
  })

  it.each([
    ['blank (spaces)', ' '.repeat(40), /SESSION_SECRET (?:is blank|repeats)/],
    ['one character repeated', 'x'.repeat(32), /SESSION_SECRET repeats a short pattern/],
    ['a repeated word', 'abcd'.repeat(10), /SESSION_SECRET repeats a short pattern/],
    ['a long run of one character', `${'a'.repeat(30)}bcdefghijklm`, /SESSION_SECRET repeats one character/],
    ['digits only', '01234567890123456789012345678901234', /SESSION_SECRET (?:repeats|uses too few)/],
    ['two letters', 'abababbbabaabababbbababaababbaba', /SESSION_SECRET uses too few different characters/],
    ['a placeholder', 'change-me-to-a-long-random-value-please', /SESSION_SECRET looks like a placeholder/],
  ])('refuses a SESSION_SECRET that is %s', (_name, secret, message) => {
    const text = refusal({ ...production, SESSION_SECRET: secret })
    expect(text).toMatch(message)
    expect(text).toMatch(/openssl rand/)
    expect(text).not.toContain(secret.trim() || '\u0000')
  })

  it.each(['http://followup.example.com', 'http://10.0.0.8:3000', 'http://192.168.1.20'])('refuses PUBLIC_URL=%s', (url) => {
    expect(refusal({ ...production, PUBLIC_URL: url })).toMatch(/PUBLIC_URL is http:\/\/ on .*: set the https:\/\/ origin/)
  })

  it('refuses TRUST_PROXY=true and says to set a hop count or addresses', () => {
    expect(refusal({ ...production, TRUST_PROXY: 'true' })).toMatch(/TRUST_PROXY=true .*X-Forwarded-For.*set the number of proxies in front \(e\.g\. 1\) or their addresses/)
  })

  it('lists every problem at once', () => {
    const text = refusal({ ...production, SANDBOX: '1', SESSION_SECRET: 'x'.repeat(32), PUBLIC_URL: 'http://a.example', TRUST_PROXY: 'true' })
    expect(text.match(/^ {2}\S/gm)).toHaveLength(4)
  })

  it('accepts random secrets from the usual generators', () => {
    expect(weakSecretReason('Zk3n5w0rP2x8cQ1vB7yL4mT9hD6jF0aS3gE8uR2iO5pW')).toBeNull()
    expect(weakSecretReason('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toBeNull()
  })
})
