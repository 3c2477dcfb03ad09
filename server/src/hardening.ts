import type { RequestHandler } from 'express'
import type { Store } from 'express-rate-limit'
import type { Logger } from 'pino'
import type { AppConfig } from './config'
import { isUtf8 } from 'node:buffer'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import helmet from 'helmet'
import { AppError, errorBody } from './errors'
import { readSession } from './session'

/**
 * Security headers with a CSP the page and the WeCom JS-SDK work under: everything from our origin, avatars and
 * attachment previews from https (WeCom's CDN) or the sandbox on loopback, Vant's inline style attributes.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const sandboxImages = config.sandbox ? [new URL(config.pulan.baseUrl).origin, new URL(config.wecom.apiBase).origin] : []
  return helmet({
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
  })
}

export interface RateLimits { apiPerUser: number, apiPerIp: number, authPerIp: number }

type KeyGenerator = Parameters<typeof rateLimit>[0] extends infer O ? O extends { keyGenerator?: infer K } ? K : never : never
/** Where a limiter keeps its counters: the shared Redis when configured (one limit across instances), else memory. */
export type LimitStoreFor = (limiter: string) => Store

export interface LimitOptions { storeFor?: LimitStoreFor | undefined, logger?: Logger | undefined }

function limiter(name: string, limit: number, key: KeyGenerator, { storeFor, logger }: LimitOptions, headers = true): RequestHandler {
  const log = (error: unknown, message?: string) => logger?.warn({ limiter: name, err: { message: (error as Error)?.message } }, message ?? 'rate limit store error')
  return rateLimit({
    windowMs: 60_000,
    limit,
    ...(storeFor && { store: storeFor(name) }),
    logger: { error: log, warn: log },
    // Redis away: let requests through (the store-backed routes answer 503 themselves) rather than fail /api/me.
    passOnStoreError: true,
    standardHeaders: headers && 'draft-7',
    legacyHeaders: false,
    keyGenerator: key,
    handler: (req, res, _next, options) => {
      const retryAfter = Math.ceil(options.windowMs / 1000)
      res.set('Retry-After', String(retryAfter))
      res.status(429).json(errorBody(new AppError(429, 'RATE_LIMITED', `操作太频繁，请 ${retryAfter} 秒后再试；填写的内容已保存`), req.id))
    },
  })
}

const ipKey = (req: Parameters<RequestHandler>[0]) => ipKeyGenerator(req.ip ?? 'unknown')

/** Per salesperson (from the session) and per IP on /api; per IP on /auth. A company NAT shares one IP: generous. */
export function rateLimits(limits: RateLimits, options: LimitOptions = {}) {
  return {
    api: [
      // Its RateLimit headers would be overwritten by the per-salesperson limiter's right after: it sets none.
      limiter('api-ip', limits.apiPerIp, ipKey, options, false),
      limiter('api-user', limits.apiPerUser, req => readSession(req)?.wecomUserId ?? `ip:${ipKey(req)}`, options),
    ],
    auth: limiter('auth-ip', limits.authPerIp, ipKey, options),
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
