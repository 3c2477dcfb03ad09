import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const serverDir = fileURLToPath(new URL('..', import.meta.url))

function start(env: Record<string, string>): { child: ChildProcess, lines: string[], next: (match: RegExp) => Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const waiters: { match: RegExp, resolve: (line: string) => void }[] = []
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line)
      for (const waiter of waiters.filter(w => w.match.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(line)
      }
    })
  }
  const next = (match: RegExp) => new Promise<string>((resolve) => {
    const seen = lines.find(line => match.test(line))
    if (seen)
      resolve(seen)
    else
      waiters.push({ match, resolve })
  })
  return { child, lines, next }
}

describe('the server process', () => {
  it('starts in sandbox mode without credentials, says so first, serves /healthz, and stops gracefully', async () => {
    const { child, lines, next } = start({ PORT: '0', NODE_ENV: 'development' })
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
    ['production without credentials', { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://a.example' }, /Missing credentials/],
    ['a template file that does not exist', { PORT: '0', TEMPLATES_FILE: '/nonexistent/templates.json' }, /TEMPLATES_FILE/],
  ])('refuses to start with %s, with a clear message', async (_name, env, message) => {
    const { child, lines } = start(env)
    const [code] = await once(child, 'exit')
    expect(code).toBe(1)
    expect(lines.join('\n')).toMatch(message)
  })
})
