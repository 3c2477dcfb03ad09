import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { START_SCRIPT, startNodeFlags } from '../test/support/start-command'

const serverDir = fileURLToPath(new URL('..', import.meta.url))
const repoFile = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')

describe('the built server (what npm start and the Docker image run)', () => {
  it('builds to plain JavaScript that starts without tsx, serves /healthz and its metrics listener', async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: serverDir, stdio: 'pipe' })
    const child = spawn(process.execPath, [...startNodeFlags(), 'dist/index.js'], {
      cwd: serverDir,
      env: { PATH: process.env.PATH, NODE_ENV: 'test', SANDBOX: '1', HOST: '127.0.0.1', PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      let output = ''
      const listening = new Promise<{ url: string, metrics: string }>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          const line = output.split('\n').find(l => l.includes('"msg":"listening"'))
          if (line)
            resolve(JSON.parse(line) as { url: string, metrics: string })
        })
        child.once('exit', code => reject(new Error(`exited ${code}: ${output}`)))
      })
      const { url, metrics } = await listening
      expect(output).not.toContain('tsx')
      expect((await fetch(`${url}/healthz`)).status).toBe(200)
      const scraped = await fetch(metrics)
      expect(scraped.status).toBe(200)
      expect(await scraped.text()).toMatch(/followup_http_requests_total\{route="\/healthz",method="GET",status="200"\} 1/)
    }
    finally {
      child.kill('SIGTERM')
      await once(child, 'exit')
    }
  }, 60_000)

  it('runs with the same node flags from npm start, the Docker image and the systemd unit of docs/deploy.md', () => {
    const flags = startNodeFlags()
    // The young generation's size is a measured throughput setting (docs/deploy.md 5.3), not a leftover.
    expect(flags).toEqual(['--enable-source-maps', '--max-semi-space-size=64'])
    const dockerCmd = repoFile('Dockerfile').split('\n').filter(line => line.startsWith('CMD ')).at(-1)
    expect(JSON.parse(dockerCmd!.slice(4))).toEqual(['node', ...flags, 'dist/index.js'])
    const deploy = repoFile('docs/deploy.md')
    expect(deploy).toContain(`ExecStart=/usr/bin/${START_SCRIPT}\n`)
    expect(deploy).toContain(`cd server && ${START_SCRIPT} #`)
  })

  it('reads the flags only from a start script of the form node [--flag ...] dist/index.js', () => {
    expect(startNodeFlags('node dist/index.js')).toEqual([])
    expect(startNodeFlags('node --a --b=2 dist/index.js')).toEqual(['--a', '--b=2'])
    expect(() => startNodeFlags('tsx src/index.ts')).toThrow(/not "node \[--flag \.\.\.\] dist\/index\.js"/)
  })
})
