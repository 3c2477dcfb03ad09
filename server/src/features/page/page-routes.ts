import type { BootInfo } from '@app/shared'
import type { RequestHandler } from 'express'
import type { Logger } from 'pino'
import type { AppDeps } from '../../deps'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import express, { Router } from 'express'
import expressStaticGzip from 'express-static-gzip'
import { readSession } from '../../session'
import { signPage } from '../jssdk/jssdk-service'
import { pageUrlOf } from './page-url'

/** JSON inside a script element: `<` is escaped so no text can close the element. */
function bootScript(boot: BootInfo): string {
  return `<script type="application/json" id="boot">${JSON.stringify(boot).replace(/</g, '\\u003c')}</script>`
}

/**
 * The page's entry, its stylesheets and the files the context request needs (what index.html preloads without
 * `fetchpriority="low"`), as a Link header: the browser starts fetching them when the response arrives, before it
 * has parsed a byte of the HTML.
 */
export function earlyLinks(html: string): string {
  const links: string[] = []
  for (const [tag] of html.matchAll(/<(?:script|link)\s[^>]*>/g)) {
    const href = /\s(?:src|href)="(\/assets\/[^"]+)"/.exec(tag)?.[1]
    if (!href || /fetchpriority="low"/.test(tag))
      continue
    if (tag.startsWith('<script') || /rel="modulepreload"/.test(tag))
      links.push(`<${href}>; rel=modulepreload; crossorigin`)
    else if (/rel="(?:stylesheet|preload)"/.test(tag) && href.endsWith('.css'))
      links.push(`<${href}>; rel=preload; as=style; crossorigin`)
  }
  return links.join(', ')
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())])
}

/**
 * Serves the built page. A navigation without a session goes straight to WeCom OAuth2 (no round trip from the page);
 * with one, the page gets the salesperson inline.
 */
export function pageRoutes(deps: AppDeps): Router {
  const { config } = deps
  const router = Router()
  const indexFile = join(config.webDistDir, 'index.html')
  const template = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null
  const links = template ? earlyLinks(template) : ''

  /** Signatures for the URL being served, so the page needs no signing round trip; the page asks when absent. */
  async function preSign(pageUrl: string, log: Logger) {
    try {
      return { url: pageUrl, ...(await withTimeout(signPage(deps, pageUrl), 1000)) }
    }
    catch (error) {
      log.warn({ err: { message: (error as Error).message } }, 'page served without JS-SDK signatures')
      return undefined
    }
  }

  const servePage: RequestHandler = async (req, res) => {
    if (!template) {
      res.status(503).type('text').send('页面还没有构建：请先运行 pnpm build（README 的启动命令会自动构建）')
      return
    }
    const me = readSession(req)
    if (!me) {
      res.redirect(302, `/auth/login?returnTo=${encodeURIComponent(req.originalUrl)}`)
      return
    }
    const jssdk = await preSign(pageUrlOf(req.originalUrl, config.publicUrl), req.log)
    // A function replacement: the boot JSON holds the URL, and `$&`, `$'`, `$\`` in a string replacement are patterns.
    const html = template.replace('</head>', () => `${bootScript({ sandbox: config.sandbox, me, ...(jssdk && { jssdk }) })}</head>`)
    if (links)
      res.set('Link', links)
    res.set('Cache-Control', 'no-store').type('html').send(html)
  }

  // One way in: the page's own file goes through the same route as `/` (session, boot data, no-store), never static.
  router.get(/^\/index\.html?$/i, servePage)
  // The build puts brotli and gzip copies beside each text asset: the smallest the client accepts is sent as it is (the
  // compression middleware leaves an answer that already has a Content-Encoding alone).
  router.use('/assets', expressStaticGzip(join(config.webDistDir, 'assets'), {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: { immutable: true, maxAge: '365d', index: false, fallthrough: false },
  }))
  router.use(express.static(config.webDistDir, { index: false, maxAge: '1h' }))
  // Pages only: a path with a file extension that static did not find is a 404, not the page.
  router.get(/^\/(?!api\/|auth\/|healthz|readyz)[^.]*$/, servePage)

  return router
}
