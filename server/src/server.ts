import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from 'pino'
import type { AppConfig, Settings } from './config'
import type { AppDeps } from './deps'
import type { UploadLimits } from './features/files/upload-slots'
import type { Sandbox } from './sandbox'
import type { KeyValueStore } from './store/store'
import { createApp } from './app'
import { withSandbox } from './config'
import { loadBusinessLines } from './features/opportunities/business-lines'
import { createHttpServer } from './http-server'
import { createLogger } from './logger'
import { createMetrics } from './metrics/metrics'
import { startMetricsServer } from './metrics/metrics-endpoint'
import { withStoreMetrics } from './metrics/store-metrics'
import { startSandbox } from './sandbox'
import { sandboxCustomersOf, sandboxGroupsList } from './sandbox/customer-directory'
import { createMemoryStore } from './store/memory-store'
import { createRedisRateLimitStores } from './store/rate-limit-store'
import { createRedisStore } from './store/redis-store'
import { loadTemplates } from './templates'
import { createPulanClient } from './upstream/pulan'
import { createWecomClient } from './upstream/wecom'

export interface RunningServer {
  url: string
  /** Where the metrics listener answers (`…/metrics`), when it runs. */
  metricsUrl: string | undefined
  config: AppConfig
  deps: AppDeps
  sandbox: Sandbox | undefined
  close: () => Promise<void>
}

interface StartOptions {
  logger?: Logger
  store?: KeyValueStore
  /** Tests pass their own sandbox so they can inspect and fault it. */
  sandbox?: Sandbox
  uploadLimits?: UploadLimits
}

/** Starts the sandbox when configured, wires the real clients to the upstream base URLs, and listens. */
export async function startServer(settings: Settings, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(settings.logLevel)
  if (settings.sandbox)
    logger.info({ mode: 'sandbox' }, 'SANDBOX MODE: no WeCom/谱蓝云 credentials configured, using the built-in sandbox upstreams on loopback')
  else
    logger.info({ mode: 'live' }, 'live mode: using the configured WeCom and 谱蓝云 upstreams')

  const templates = loadTemplates(settings.templatesFile)
  const businessLines = settings.businessLinesFile ? loadBusinessLines(settings.businessLinesFile) : undefined
  const ownSandbox = settings.sandbox && !options.sandbox
  const sandbox = options.sandbox ?? (settings.sandbox ? await startSandbox({ host: '127.0.0.1', templatesFile: settings.templatesFile, pulanPort: settings.sandboxPorts.pulan, wecomPort: settings.sandboxPorts.wecom }) : undefined)
  const config: AppConfig = sandbox ? withSandbox(settings, sandbox) : (settings as AppConfig)
  const ownStore = options.store ?? (config.redisUrl ? createRedisStore(config.redisUrl) : createMemoryStore())
  const limitStores = config.redisUrl ? createRedisRateLimitStores(config.redisUrl) : undefined
  const metrics = createMetrics()
  const store = withStoreMetrics(ownStore, metrics)
  const deps: AppDeps = {
    config,
    store,
    logger,
    metrics,
    templates,
    ...(businessLines && { businessLines }),
    wecom: createWecomClient(config.wecom, store, config.upstreamTimeoutMs, undefined, metrics),
    pulan: createPulanClient(config.pulan, store, config.upstreamTimeoutMs, undefined, metrics),
    ...(limitStores && { rateLimitStoreFor: limitStores.storeFor }),
    ...(options.uploadLimits && { uploadLimits: options.uploadLimits }),
    ...(sandbox && { sandboxCustomers: (wecomUserId: string) => sandboxCustomersOf(sandbox, wecomUserId), sandboxGroups: sandboxGroupsList }),
  }
  const app = createApp(deps)
  const server: Server = await new Promise((resolve, reject) => {
    const listening = createHttpServer(app).listen(config.port, config.host, () => resolve(listening))
    listening.once('error', reject)
  })
  server.keepAliveTimeout = 65_000
  const metricsListener = config.metrics.port === null ? undefined : await startMetricsServer(metrics.registry, config.metrics.host, config.metrics.port)
  const { port } = server.address() as AddressInfo
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`
  logger.info({ url, publicUrl: config.publicUrl, metrics: metricsListener?.url ?? (config.metrics.token ? 'app port, bearer token' : 'off'), ...(sandbox && { sandboxPulan: sandbox.pulanBaseUrl, sandboxWecom: sandbox.wecomBaseUrl }) }, 'listening')

  return {
    url,
    metricsUrl: metricsListener?.url,
    config,
    deps,
    sandbox,
    async close() {
      // Stop accepting, let in-flight requests (a submission on its way to 谱蓝云) finish, then drop idle sockets.
      const closed = new Promise<void>(resolve => server.close(() => resolve()))
      server.closeIdleConnections()
      // A keep-alive connection whose request finishes after close() turns idle and would hold the server open.
      const idleSweep = setInterval(() => server.closeIdleConnections(), 50)
      const forced = setTimeout(() => server.closeAllConnections(), 15_000)
      await closed
      metricsListener?.server.closeAllConnections()
      await new Promise(resolve => metricsListener ? metricsListener.server.close(resolve) : resolve(undefined))
      clearInterval(idleSweep)
      clearTimeout(forced)
      if (!options.store)
        await ownStore.close()
      await limitStores?.close()
      if (ownSandbox)
        await sandbox?.close()
    },
  }
}
