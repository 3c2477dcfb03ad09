import type { Spawned } from './processes'
import { SANDBOX_CREDENTIALS } from '@app/server/demo-data'
import { spawnServer } from '@app/server/test/server-process'
import { startNodeFlags } from '@app/server/test/start-command'
import { BENCH_DIR, SERVER_ENTRY } from './paths'
import { freePort, SESSION_SECRET, waitFor200 } from './processes'

export interface AppServer extends Spawned {
  url: string
  /** The sandbox's control API (`/__sandbox/*`), on the 谱蓝云 stand-in's port; sandbox mode only. */
  controlUrl: string | undefined
  /** spawn() to the first /healthz 200, in ms. */
  startMs: number
}

function common(port: number, url: string, logLevel: string): Record<string, string> {
  return {
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: url,
    SESSION_SECRET,
    LOG_LEVEL: logLevel,
    // Any free loopback port for the metrics listener: several checkouts may bench at once.
    METRICS_PORT: '0',
    // The bench is one salesperson on one IP sending thousands of requests a second.
    RATE_LIMIT_API_PER_USER: '100000000',
    RATE_LIMIT_API_PER_IP: '100000000',
    RATE_LIMIT_AUTH_PER_IP: '100000000',
  }
}

async function started(env: Record<string, string>, url: string, nodeArgs: string[] = []): Promise<Spawned & { startMs: number }> {
  const begin = performance.now()
  // With the node flags of `npm start` (and the Docker image): what production runs is what is measured.
  const spawned = spawnServer(env, { entry: SERVER_ENTRY, nodeArgs: [...startNodeFlags(), ...nodeArgs], cwd: BENCH_DIR, ignoreStdout: true })
  const server: Spawned = { child: spawned.child, stderr: () => spawned.lines.join('\n').slice(-4000), stop: async () => void await spawned.stop() }
  try {
    const ready = await waitFor200(`${url}/healthz`, server)
    return { ...server, startMs: ready - begin }
  }
  catch (error) {
    await server.stop()
    throw error
  }
}

/** The real server in sandbox mode, serving web/dist, with its sandbox on fixed loopback ports. */
export async function startSandboxModeServer(logLevel = 'warn'): Promise<AppServer> {
  const [port, pulan, wecom] = [await freePort(), await freePort(), await freePort()]
  const url = `http://127.0.0.1:${port}`
  const env = { ...common(port, url, logLevel), NODE_ENV: 'production', SANDBOX: '1', SANDBOX_PULAN_PORT: String(pulan), SANDBOX_WECOM_PORT: String(wecom) }
  return { ...await started(env, url), url, controlUrl: `http://127.0.0.1:${pulan}/__sandbox` }
}

/**
 * The real server in live mode, configured exactly like production but with both upstream base URLs pointing at a
 * sandbox that runs in its own process, so the server's process does only the server's work.
 */
export async function startLiveModeServer(upstream: { pulanBaseUrl: string, wecomBaseUrl: string }, logLevel = 'info', nodeArgs: string[] = []): Promise<AppServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const c = SANDBOX_CREDENTIALS
  const env = {
    ...common(port, url, logLevel),
    NODE_ENV: 'production',
    SANDBOX: '0',
    WECOM_CORP_ID: c.corpId,
    WECOM_AGENT_ID: String(c.agentId),
    WECOM_SECRET: c.corpSecret,
    WECOM_API_BASE: upstream.wecomBaseUrl,
    WECOM_OAUTH_BASE: upstream.wecomBaseUrl,
    PULAN_BASE_URL: upstream.pulanBaseUrl,
    PULAN_APP_KEY: c.appKey,
    PULAN_APP_SECRET: c.appSecret,
  }
  return { ...await started(env, url, nodeArgs), url, controlUrl: undefined }
}
