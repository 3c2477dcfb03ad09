import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BootInfo } from '@app/shared'
import express, { Router } from 'express'
import type { AppDeps } from '../../app'
import { readSession } from '../../session'

/** JSON inside a script element: `<` is escaped so no text can close the element. */
function bootScript(boot: BootInfo): string {
  return `<script type="application/json" id="boot">${JSON.stringify(boot).replace(/</g, '\\u003c')}</script>`
}

/**
 * Serves the built page. A navigation without a session goes straight to WeCom OAuth2 (no round trip from the page);
 * with one, the page gets the salesperson inline.
 */
export function pageRoutes({ config }: AppDeps): Router {
  const router = Router()
  const indexFile = join(config.webDistDir, 'index.html')
  const template = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null

  router.use('/assets', express.static(join(config.webDistDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }))
  router.use(express.static(config.webDistDir, { index: false, maxAge: '1h' }))

  router.get(/^\/(?!api\/|auth\/|healthz|readyz).*/, (req, res) => {
    if (!template) {
      res.status(503).type('text').send('页面还没有构建：请先运行 pnpm build（README 的启动命令会自动构建）')
      return
    }
    const me = readSession(req)
    if (!me) {
      res.redirect(302, `/auth/login?returnTo=${encodeURIComponent(req.originalUrl)}`)
      return
    }
    const html = template.replace('</head>', `${bootScript({ sandbox: config.sandbox, me })}</head>`)
    res.set('Cache-Control', 'no-store').type('html').send(html)
  })

  return router
}
