import type { AppDeps } from '../../deps'
import { Router } from 'express'

/** `/healthz`: the process answers; `/readyz`: its store answers too (a load balancer sends traffic only then). */
export function healthRoutes(deps: Pick<AppDeps, 'store' | 'config'>): Router {
  const router = Router()
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  router.get('/readyz', async (_req, res) => {
    try {
      await deps.store.ping()
      res.json({ status: 'ready', sandbox: deps.config.sandbox })
    }
    catch {
      res.status(503).json({ error: { code: 'STORE_UNAVAILABLE', message: '存储暂时不可用' } })
    }
  })
  return router
}
