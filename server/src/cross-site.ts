import type { RequestHandler } from 'express'
import { AppError } from './errors'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses state-changing requests sent by another site's page (login-independent CSRF defence, not relying on
 * SameSite): a `Sec-Fetch-Site` of cross-site or same-site, or an `Origin` other than PUBLIC_URL's. Outside
 * production the request's own host also counts as ours, so the Vite dev proxy (which keeps Host) works.
 */
export function refuseCrossSiteWrites(publicUrl: string, production: boolean): RequestHandler {
  const ours = new URL(publicUrl).origin
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method))
      return next()
    const site = req.get('sec-fetch-site')
    const origin = req.get('origin')
    const foreignSite = site === 'cross-site' || site === 'same-site'
    const foreignOrigin = origin !== undefined && origin !== ours && (production || !sameHost(origin, req.get('host')))
    if (foreignSite || foreignOrigin)
      throw new AppError(403, 'CROSS_SITE_REQUEST', '请求来自其他网站，已拒绝；请在企业微信侧边栏里打开本应用后再操作')
    next()
  }
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host
  }
  catch {
    return false
  }
}
