import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface PrivateRedis {
  url: string
  port: number
  /** Kills this redis-server (SIGKILL: a crash, no goodbye to clients). */
  kill: () => Promise<void>
  /** Starts a fresh, empty redis-server on the same port. */
  restart: () => Promise<void>
  /** Freezes the process (SIGSTOP): connections stay open, commands get no answer. */
  pause: () => void
  resume: () => void
  stop: () => Promise<void>
}

/** A free loopback port: bind to port 0, read it, release it. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  probe.listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const { port } = probe.address() as { port: number }
  await new Promise(resolve => probe.close(resolve))
  return port
}

async function waitForPong(child: ChildProcess): Promise<void> {
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const deadline = Date.now() + 5000
  while (!/Ready to accept connections/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`redis-server did not start: ${output.slice(-500)}`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

/** A redis-server of this test's own on loopback, which the test may kill, pause and restart. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'redis-private-'))
  let child: ChildProcess | undefined

  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] })
    await waitForPong(child)
  }
  const kill = async () => {
    const running = child
    if (!running || running.exitCode !== null || running.signalCode !== null)
      return
    running.kill('SIGCONT')
    running.kill('SIGKILL')
    await once(running, 'exit')
  }

  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    restart: start,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    async stop() {
      await kill()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
