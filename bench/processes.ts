import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { BENCH_DIR } from './paths'
import { sleep } from './stats'

export const SESSION_SECRET = 'bench-session-secret-that-is-long-enough-0123456789'

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  return port
}

export interface Spawned {
  child: ChildProcess
  /** Everything the process wrote to stderr, for the error message when it misbehaves. */
  stderr: () => string
  stop: () => Promise<void>
}

/** Runs a TypeScript entry with `node --import tsx` (the bench's own helper processes); see spawnNode. */
export function spawnTs(entry: string, env: Record<string, string>, onLine?: (line: string) => void, nodeArgs: string[] = []): Spawned {
  return spawnNode(entry, env, onLine, [...nodeArgs, '--import', 'tsx'])
}

/**
 * Runs a JavaScript entry with node from bench/ (no `.env` there, so only the given environment counts). stdout is
 * read line by line when `onLine` is given, otherwise discarded.
 */
function spawnNode(entry: string, env: Record<string, string>, onLine?: (line: string) => void, nodeArgs: string[] = []): Spawned {
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: BENCH_DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: process.env.TMPDIR ?? '/tmp', ...env },
    stdio: ['ignore', onLine ? 'pipe' : 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  if (onLine) {
    let buffered = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      lines.forEach(onLine)
    })
  }
  const exited = once(child, 'exit')
  return {
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null)
        return
      child.kill('SIGTERM')
      const forced = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(forced)
    },
  }
}

/** Polls a URL until it answers 200; returns the time it first did (performance.now()). */
export async function waitFor200(url: string, process: Spawned, timeoutMs = 30_000, everyMs = 5): Promise<number> {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    if (process.child.exitCode !== null)
      throw new Error(`${url}: the process exited with ${process.child.exitCode}\n${process.stderr()}`)
    try {
      const response = await fetch(url)
      if (response.status === 200)
        return performance.now()
    }
    catch {}
    await sleep(everyMs)
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms\n${process.stderr()}`)
}
