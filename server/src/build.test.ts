import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const serverDir = fileURLToPath(new URL('..', import.meta.url))

describe('the built server (what npm start and the Docker image run)', () => {
  it('builds to plain JavaScript that starts without tsx, serves /healthz and its metrics listener', async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: serverDir, stdio: 'pipe' })
    const child = spawn(process.execPath, ['dist/index.js'], {
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
})
