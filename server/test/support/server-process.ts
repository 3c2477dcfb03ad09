import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/** Where the server runs from (`npm start` and the Docker image run it there too). */
export const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url))
/** The server's entry, run with `node --import tsx`. */
export const SERVER_ENTRY = 'src/index.ts'

export const PUBLIC_URL = 'http://localhost:3000'
export const SHARED_SESSION_SECRET = 'multi-instance-session-secret-0123456789abcdef'

/**
 * The environment of a server started for a test, a load run or the browser tests: loopback, any free port, a fixed
 * session secret, and rate limits out of the way of one client sending hundreds of requests (they are tested apart).
 */
export function testServerEnv(env: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    PUBLIC_URL,
    SESSION_SECRET: SHARED_SESSION_SECRET,
    LOG_LEVEL: 'info',
    RATE_LIMIT_API_PER_USER: '100000',
    RATE_LIMIT_API_PER_IP: '100000',
    RATE_LIMIT_AUTH_PER_IP: '100000',
    ...env,
  }
}

/** What upstreamEnv needs of a Sandbox (structurally, so the browser tests' config can import this file alone). */
export interface SandboxUpstreams {
  credentials: { corpId: string, agentId: number, corpSecret: string, appKey: string, appSecret: string }
  pulanBaseUrl: string
  wecomBaseUrl: string
}

/** The env of a production-like instance that sees the sandbox exactly as it would see the real upstreams. */
export function upstreamEnv(sandbox: SandboxUpstreams): Record<string, string> {
  const c = sandbox.credentials
  return {
    WECOM_CORP_ID: c.corpId,
    WECOM_AGENT_ID: String(c.agentId),
    WECOM_SECRET: c.corpSecret,
    WECOM_API_BASE: sandbox.wecomBaseUrl,
    WECOM_OAUTH_BASE: sandbox.wecomBaseUrl,
    PULAN_BASE_URL: sandbox.pulanBaseUrl,
    PULAN_APP_KEY: c.appKey,
    PULAN_APP_SECRET: c.appSecret,
  }
}

export interface SpawnOptions {
  /** Another entry than the server's source (the built server, a load-test child that wraps it); absolute or relative to cwd. */
  entry?: string
  /** Where it runs (default SERVER_DIR); a folder without `.env` when only the given environment may count. */
  cwd?: string
  nodeArgs?: string[]
  /** An IPC channel to the child (`child.send`, `child.on('message')`). */
  ipc?: boolean
  /** Drop stdout (the log) instead of keeping its lines: a measurement should not pay for reading it. */
  ignoreStdout?: boolean
}

export interface SpawnedServer {
  child: ChildProcess
  /** Every line the process wrote to stdout and stderr. */
  lines: string[]
  /** The first line (seen or still to come) that matches. */
  next: (match: RegExp) => Promise<string>
  alive: () => boolean
  /** SIGTERM (SIGKILL after 15 s), and its exit code. */
  stop: () => Promise<number | null>
}

/** A started server and the URL it listens on. */
export interface ServerProcess extends SpawnedServer { url: string }

/**
 * The one way tests, the load test and the bench start the real server as a child process: `node --import tsx
 * src/index.ts` in server/ (or the entry given), with exactly `env` plus PATH and HOME, so nothing from the shell leaks in.
 */
export function spawnServer(env: Record<string, string>, options: SpawnOptions = {}): SpawnedServer {
  const entry = options.entry ?? SERVER_ENTRY
  const tsx = entry.endsWith('.ts') ? ['--import', 'tsx'] : []
  const child = spawn(process.execPath, [...options.nodeArgs ?? [], ...tsx, entry], {
    cwd: options.cwd ?? SERVER_DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', options.ignoreStdout ? 'ignore' : 'pipe', 'pipe', ...(options.ipc ? ['ipc' as const] : [])],
  })
  const lines: string[] = []
  const waiters: { match: RegExp, resolve: (line: string) => void }[] = []
  for (const stream of [child.stdout, child.stderr].filter(s => s !== null)) {
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
  const alive = () => child.exitCode === null && child.signalCode === null
  const stop = async () => {
    if (!alive())
      return child.exitCode
    const exited = once(child, 'exit') as Promise<[number | null]>
    child.kill('SIGTERM')
    const forced = setTimeout(() => child.kill('SIGKILL'), 15_000)
    const [code] = await exited
    clearTimeout(forced)
    return code
  }
  return { child, lines, next, alive, stop }
}

/** spawnServer, then waits for its "listening" line; the process is killed if it exits or fails before. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const server = spawnServer(testServerEnv(env))
  const exited = once(server.child, 'exit').then(([code]) => {
    throw new Error(`server exited with ${code} before listening:\n${server.lines.join('\n')}`)
  })
  try {
    const listening = await Promise.race([server.next(/"msg":"listening"/), exited])
    exited.catch(() => {})
    return { ...server, url: (JSON.parse(listening) as { url: string }).url }
  }
  catch (error) {
    server.child.kill('SIGKILL')
    throw error
  }
}
