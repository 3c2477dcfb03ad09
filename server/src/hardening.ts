import type { Request, RequestHandler } from 'express'
import type { Store } from 'express-rate-limit'
import type { Logger } from 'pino'
import type { AppConfig } from './config'
import type { Limit } from './rate-limit'
import { isUtf8 } from 'node:buffer'
import { ipKeyGenerator } from 'express-rate-limit'
import helmet from 'helmet'
import { AppError, errorBody } from './errors'
import { fixedHeaders } from './fixed-headers'
import { limitRequests } from './rate-limit'
import { readSession } from './session'

/**
 * Security headers with a CSP the page and the WeCom JS-SDK work under: everything from our origin, avatars and
 * attachment previews from https (WeCom's CDN) or the sandbox on loopback, Vant's inline style attributes. Computed
 * once (fixedHeaders): nothing in them depends on the request.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const sandboxImages = config.sandbox ? [new URL(config.pulan.baseUrl).origin, new URL(config.wecom.apiBase).origin] : []
  return fixedHeaders(helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ['\'self\''],
        'script-src': ['\'self\''],
        'style-src': ['\'self\'', '\'unsafe-inline\''],
        'img-src': ['\'self\'', 'data:', 'blob:', 'https:', ...sandboxImages],
        'media-src': ['\'self\'', 'blob:'],
        'font-src': ['\'self\'', 'data:'],
        'connect-src': ['\'self\''],
        'object-src': ['\'none\''],
        'base-uri': ['\'self\''],
        'form-action': ['\'self\''],
        'frame-ancestors': ['\'self\''],
      },
    },
    crossOriginEmbedderPolicy: false,
    // The WeCom client shows our page next to its own; the referrer carries nothing it needs.
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.publicUrl.startsWith('https:') ? { maxAge: 15_552_000 } : false,
  }))
}

export interface RateLimits { apiPerUser: number, apiPerIp: number, authPerIp: number }

/** Where a limiter keeps its counters: the shared Redis when configured (one limit across instances), else memory. */
export type LimitStoreFor = (limiter: string) => Store

export interface LimitOptions { storeFor?: LimitStoreFor | undefined, logger?: Logger | undefined }

const WINDOW_MS = 60_000

function limited(limits: Omit<Limit, 'windowMs' | 'store'>[], { storeFor, logger }: LimitOptions): RequestHandler {
  return limitRequests(limits.map(limit => ({ ...limit, windowMs: WINDOW_MS, store: storeFor?.(limit.name) })), {
    // Redis away: let requests through (the store-backed routes answer 503 themselves) rather than fail /api/me.
    onStoreError: (limit, error) => logger?.warn({ limiter: limit.name, err: { message: (error as Error)?.message } }, 'rate limit store error'),
    refuse: (req, res, limit) => {
      const retryAfter = Math.ceil(limit.windowMs / 1000)
      res.set('Retry-After', String(retryAfter))
      res.status(429).json(errorBody(new AppError(429, 'RATE_LIMITED', `操作太频繁，请 ${retryAfter} 秒后再试；填写的内容已保存`), req.id))
    },
  })
}

const ipKey = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown')

/** Per salesperson (from the session) and per IP on /api; per IP on /auth. A company NAT shares one IP: generous. */
export function rateLimits(limits: RateLimits, options: LimitOptions = {}) {
  return {
    api: limited([
      // Its RateLimit headers would be overwritten by the per-salesperson limit's right after: it sets none.
      { name: 'api-ip', limit: limits.apiPerIp, key: ipKey, headers: false },
      { name: 'api-user', limit: limits.apiPerUser, key: req => readSession(req)?.wecomUserId ?? `ip:${ipKey(req)}`, headers: true },
    ], options),
    auth: limited([{ name: 'auth-ip', limit: limits.authPerIp, key: ipKey, headers: true }], options),
  }
}

/**
 * `express.json`'s `verify`: a body that is not valid UTF-8 is refused (400) instead of being decoded with U+FFFD
 * replacement characters, which would silently change what a salesperson typed before it reaches 谱蓝云.
 */
export function rejectInvalidUtf8(_req: unknown, _res: unknown, body: Buffer): void {
  if (!isUtf8(body))
    throw new AppError(400, 'VALIDATION_FAILED', '提交的内容不是合法的 UTF-8 文本，请重新输入后再试')
}
