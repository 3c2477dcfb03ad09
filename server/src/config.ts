import type { PulanPaths } from './upstream/pulan-paths'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { productionProblems } from './production-rules'
import { DEFAULT_PULAN_PATHS } from './upstream/pulan-paths'

// The only module that reads process.env (see the test "only config.ts reads process.env").

export interface WecomConfig { corpId: string, agentId: number, secret: string, apiBase: string, oauthBase: string }
export interface PulanConfig { baseUrl: string, appKey: string, appSecret: string, paths: PulanPaths }

export interface AppConfig {
  env: 'development' | 'production' | 'test'
  host: string
  port: number
  publicUrl: string
  sandbox: boolean
  wecom: WecomConfig
  pulan: PulanConfig
  sessionSecret: string
  sessionTtlSeconds: number
  templatesFile: string
  /** Business lines and processes for 新建商机; undefined: creating opportunities is not offered. */
  businessLinesFile: string | undefined
  redisUrl: string | undefined
  logLevel: string
  trustProxy: string | undefined
  upstreamTimeoutMs: number
  webDistDir: string
  rateLimits: { apiPerUser: number, apiPerIp: number, authPerIp: number }
  sandboxPorts: { pulan: number, wecom: number }
  /** Prometheus: its own listener (`port` null = none; 0 = any free port) and/or a bearer token on the app's port. */
  metrics: { host: string, port: number | null, token: string | undefined }
}

/** Settings before the upstream is known: in sandbox mode the sandbox supplies base URLs and credentials. */
export type Settings = Omit<AppConfig, 'wecom' | 'pulan'> & { wecom: WecomConfig | null, pulan: PulanConfig | null }

const optionalText = z.string().trim().optional().transform(value => (value || undefined))
// A plain absolute path on the 谱蓝云 base URL: an absolute URL (or //host) would send the token request, app secret
// included, to another host.
const pulanPath = optionalText.refine(value => value === undefined || (/^\/(?!\/)[\w\-.~/]*$/.test(value) && !/(?:^|\/)\.\.?(?:\/|$)/.test(value)), 'must be a plain absolute path like /open-api/customer/info (no scheme, host, //, .. or query)')
const flag = z.enum(['0', '1', 'true', 'false', '']).optional().transform(value => value === '1' || value === 'true')

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  WECOM_CORP_ID: optionalText,
  WECOM_AGENT_ID: z.string().regex(/^\d+$/, 'must be a number').optional(),
  WECOM_SECRET: optionalText,
  WECOM_API_BASE: z.url().default('https://qyapi.weixin.qq.com'),
  WECOM_OAUTH_BASE: z.url().default('https://open.weixin.qq.com'),
  PULAN_BASE_URL: z.url().optional(),
  PULAN_APP_KEY: optionalText,
  PULAN_APP_SECRET: optionalText,
  PULAN_PATH_TOKEN: pulanPath,
  PULAN_PATH_USER: pulanPath,
  PULAN_PATH_CUSTOMER: pulanPath,
  PULAN_PATH_OPPORTUNITIES: pulanPath,
  PULAN_PATH_UPLOAD: pulanPath,
  PULAN_PATH_ADD_FOLLOW: pulanPath,
  PULAN_PATH_CREATE_BUSINESS: pulanPath,
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_SECONDS: z.coerce.number().int().min(60).default(8 * 3600),
  TEMPLATES_FILE: optionalText,
  BUSINESS_LINES_FILE: optionalText,
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  SANDBOX: flag,
  // Fixed loopback ports for the sandbox stand-ins (0 = any free port), so a browser test can reach its control API.
  SANDBOX_PULAN_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  SANDBOX_WECOM_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: optionalText,
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),
  // Requests per minute. One company NAT can put every salesperson behind one IP, so the per-IP limits are generous.
  RATE_LIMIT_API_PER_USER: z.coerce.number().int().min(1).default(240),
  RATE_LIMIT_API_PER_IP: z.coerce.number().int().min(1).default(6000),
  RATE_LIMIT_AUTH_PER_IP: z.coerce.number().int().min(1).default(600),
  // Prometheus metrics are not public: their own listener on loopback, and/or /metrics on the app's port with a token.
  METRICS_HOST: z.string().default('127.0.0.1'),
  METRICS_PORT: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65535)]).optional(),
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
})

/** 9464 (the usual Prometheus exporter port) in a live production start; elsewhere any free port, so runs never collide. */
const DEFAULT_METRICS_PORT = 9464

const CREDENTIALS = ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'PULAN_BASE_URL', 'PULAN_APP_KEY', 'PULAN_APP_SECRET'] as const

export const SANDBOX_TEMPLATES_FILE = fileURLToPath(new URL('./sandbox/templates.json', import.meta.url))
export const SANDBOX_BUSINESS_LINES_FILE = fileURLToPath(new URL('./sandbox/business-lines.json', import.meta.url))
const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url))

export class ConfigError extends Error {}

/** Reads `.env` when present, then validates the environment; throws ConfigError with every problem listed. */
export function loadSettings(env: NodeJS.ProcessEnv = readProcessEnv()): Settings {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map(issue => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const missing = CREDENTIALS.filter(name => !e[name])
  const production = e.NODE_ENV === 'production'
  const sandbox = e.SANDBOX || (!production && missing.length === CREDENTIALS.length)
  if (!sandbox && missing.length)
    throw new ConfigError(`Missing credentials: ${missing.join(', ')} (set them all, or set SANDBOX=1 to use the built-in sandbox)`)
  if (production && !e.SESSION_SECRET)
    throw new ConfigError('SESSION_SECRET is required in production (at least 32 characters)')
  if (production && !e.PUBLIC_URL)
    throw new ConfigError('PUBLIC_URL is required in production (the WeCom trusted domain origin, e.g. https://followup.example.com)')
  const unsafe = production ? productionProblems(e, CREDENTIALS.filter(name => e[name])) : []
  if (unsafe.length)
    throw new ConfigError(`Unsafe production configuration:\n${unsafe.map(problem => `  ${problem}`).join('\n')}`)

  const paths: PulanPaths = {
    token: e.PULAN_PATH_TOKEN ?? DEFAULT_PULAN_PATHS.token,
    user: e.PULAN_PATH_USER ?? DEFAULT_PULAN_PATHS.user,
    customer: e.PULAN_PATH_CUSTOMER ?? DEFAULT_PULAN_PATHS.customer,
    opportunities: e.PULAN_PATH_OPPORTUNITIES ?? DEFAULT_PULAN_PATHS.opportunities,
    upload: e.PULAN_PATH_UPLOAD ?? DEFAULT_PULAN_PATHS.upload,
    addFollow: e.PULAN_PATH_ADD_FOLLOW ?? DEFAULT_PULAN_PATHS.addFollow,
    createBusiness: e.PULAN_PATH_CREATE_BUSINESS ?? DEFAULT_PULAN_PATHS.createBusiness,
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).origin,
    sandbox,
    wecom: sandbox ? null : { corpId: e.WECOM_CORP_ID!, agentId: Number(e.WECOM_AGENT_ID), secret: e.WECOM_SECRET!, apiBase: e.WECOM_API_BASE, oauthBase: e.WECOM_OAUTH_BASE },
    pulan: sandbox ? null : { baseUrl: e.PULAN_BASE_URL!, appKey: e.PULAN_APP_KEY!, appSecret: e.PULAN_APP_SECRET!, paths },
    sessionSecret: e.SESSION_SECRET ?? randomSecret(),
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    templatesFile: e.TEMPLATES_FILE ?? SANDBOX_TEMPLATES_FILE,
    // The sandbox ships demo lines; against a real 谱蓝云 only an administrator's file turns 新建商机 on.
    businessLinesFile: e.BUSINESS_LINES_FILE ?? (sandbox ? SANDBOX_BUSINESS_LINES_FILE : undefined),
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    webDistDir: WEB_DIST_DIR,
    sandboxPorts: { pulan: e.SANDBOX_PULAN_PORT, wecom: e.SANDBOX_WECOM_PORT },
    rateLimits: { apiPerUser: e.RATE_LIMIT_API_PER_USER, apiPerIp: e.RATE_LIMIT_API_PER_IP, authPerIp: e.RATE_LIMIT_AUTH_PER_IP },
    metrics: {
      host: e.METRICS_HOST,
      port: e.METRICS_PORT === 'off' ? null : e.METRICS_PORT ?? (production && !sandbox ? DEFAULT_METRICS_PORT : 0),
      token: e.METRICS_TOKEN,
    },
  }
}

export interface SandboxUpstream {
  wecomBaseUrl: string
  pulanBaseUrl: string
  credentials: { corpId: string, agentId: number, corpSecret: string, appKey: string, appSecret: string }
}

/** Points the settings at a running sandbox, exactly as real credentials and base URLs would. */
export function withSandbox(settings: Settings, sandbox: SandboxUpstream): AppConfig {
  const c = sandbox.credentials
  return {
    ...settings,
    wecom: { corpId: c.corpId, agentId: c.agentId, secret: c.corpSecret, apiBase: sandbox.wecomBaseUrl, oauthBase: sandbox.wecomBaseUrl },
    pulan: { baseUrl: sandbox.pulanBaseUrl, appKey: c.appKey, appSecret: c.appSecret, paths: DEFAULT_PULAN_PATHS },
  }
}

function readProcessEnv(): NodeJS.ProcessEnv {
  if (existsSync('.env'))
    process.loadEnvFile('.env')
  return process.env
}

function randomSecret() {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')
}

/** TRUST_PROXY as Express wants it: a hop count, true/false, or addresses and subnets. */
export function trustProxySetting(value: string): number | boolean | string {
  if (/^\d+$/.test(value))
    return Number(value)
  if (value === 'true' || value === 'false')
    return value === 'true'
  return value
}
