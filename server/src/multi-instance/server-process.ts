import type { ChildProcess } from 'node:child_process'
import type { Sandbox } from '../sandbox'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const serverDir = fileURLToPath(new URL('../..', import.meta.url))

export const PUBLIC_URL = 'http://localhost:3000'
export const SHARED_SESSION_SECRET = 'multi-instance-session-secret-0123456789abcdef'

export interface ServerProcess {
  url: string
  child: ChildProcess
  /** Every line the process wrote to stdout and stderr. */
  lines: string[]
  alive: () => boolean
  stop: () => Promise<number | null>
}

/** The env of a production-like instance that sees the sandbox exactly as it would see the real upstreams. */
export function upstreamEnv(sandbox: Sandbox): Record<string, string> {
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

/** Starts `node --import tsx src/index.ts` (what the Docker image runs) and waits for its "listening" line. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      PUBLIC_URL,
      SESSION_SECRET: SHARED_SESSION_SECRET,
      LOG_LEVEL: 'info',
      // Hundreds of requests from one test client: the limits are tested elsewhere.
      RATE_LIMIT_API_PER_USER: '100000',
      RATE_LIMIT_API_PER_IP: '100000',
      RATE_LIMIT_AUTH_PER_IP: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const listening = new Promise<string>((resolve, reject) => {
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        lines.push(line)
        const url = line.includes('"msg":"listening"') ? (JSON.parse(line) as { url: string }).url : undefined
        if (url)
          resolve(url)
      })
    }
    child.once('exit', code => reject(new Error(`server exited with ${code} before listening:\n${lines.join('\n')}`)))
  })
  const alive = () => child.exitCode === null && child.signalCode === null
  const stop = async () => {
    if (!alive())
      return child.exitCode
    child.kill('SIGTERM')
    const [code] = await once(child, 'exit') as [number | null]
    return code
  }
  try {
    return { url: await listening, child, lines, alive, stop }
  }
  catch (error) {
    child.kill('SIGKILL')
    throw error
  }
}
