import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { spawnServer } from '../test/support/server-process'

const LIVE_PRODUCTION = {
  NODE_ENV: 'production',
  PORT: '0',
  PUBLIC_URL: 'https://followup.example.com',
  SESSION_SECRET: 'q7Vd2LmX9sPzR4tYb8NcW1kJfH6gA3eU',
  WECOM_CORP_ID: 'ww1234567890',
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'wecom-secret-value',
  PULAN_BASE_URL: 'https://open.pulan.example',
  PULAN_APP_KEY: 'pulan-key',
  PULAN_APP_SECRET: 'pulan-secret-value',
}

describe('the server process', () => {
  it('starts in sandbox mode without credentials, says so first, serves /healthz, and stops gracefully', async () => {
    const { child, lines, next } = spawnServer({ PORT: '0', NODE_ENV: 'development' })
    try {
      const listening = JSON.parse(await next(/"msg":"listening"/)) as { url: string }
      expect(JSON.parse(lines[0]!).msg).toMatch(/SANDBOX MODE/)
      const health = await fetch(`${listening.url}/healthz`)
      expect(health.status).toBe(200)
      expect(await health.json()).toEqual({ status: 'ok' })
      const page = await fetch(`${listening.url}/`, { redirect: 'manual' })
      expect([302, 503]).toContain(page.status)
      child.kill('SIGTERM')
      const [code] = await once(child, 'exit')
      expect(code).toBe(0)
    }
    finally {
      child.kill('SIGKILL')
    }
  })

  it.each([
    ['a bad PORT', { PORT: 'eighty' }, /Refusing to start[\s\S]*PORT/],
    ['production without credentials', { NODE_ENV: 'production', SESSION_SECRET: 'q7Vd2LmX9sPzR4tYb8NcW1kJfH6gA3eU', PUBLIC_URL: 'https://a.example' }, /Missing credentials/],
    ['production with TRUST_PROXY=true', { ...LIVE_PRODUCTION, TRUST_PROXY: 'true' }, /Refusing to start[\s\S]*TRUST_PROXY=true[\s\S]*number of proxies/],
    ['production with a weak SESSION_SECRET', { ...LIVE_PRODUCTION, SESSION_SECRET: 'a'.repeat(40) }, /Refusing to start[\s\S]*SESSION_SECRET repeats/],
    ['production with a PULAN_PATH_TOKEN that is a URL', { ...LIVE_PRODUCTION, PULAN_PATH_TOKEN: 'https://collector.evil.example/t' }, /Refusing to start[\s\S]*PULAN_PATH_TOKEN: must be a plain absolute path/],
    ['production with http:// PUBLIC_URL on a public host', { ...LIVE_PRODUCTION, PUBLIC_URL: 'http://followup.example.com' }, /Refusing to start[\s\S]*PUBLIC_URL is http:\/\/ on followup\.example\.com/],
    ['production with SANDBOX=1 and real credentials', { ...LIVE_PRODUCTION, SANDBOX: '1' }, /Refusing to start[\s\S]*SANDBOX=1 is set together with real credentials/],
    ['a template file that does not exist', { PORT: '0', TEMPLATES_FILE: '/nonexistent/templates.json' }, /TEMPLATES_FILE/],
  ])('refuses to start with %s, with a clear message', async (_name, env, message) => {
    const { child, lines } = spawnServer(env)
    const [code] = await once(child, 'exit')
    expect(code).toBe(1)
    expect(lines.join('\n')).toMatch(message)
  })
})
