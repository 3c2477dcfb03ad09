import type { AppDeps } from '../../deps'
import { Router } from 'express'
import { sessionUser } from '../../session-middleware'

/** The signed-in salesperson, from the session: `GET /api/me`, and `GET /api/boot` for a page served without it inline. */
export function meRoutes(deps: Pick<AppDeps, 'config'>): Router {
  const router = Router()
  router.get('/me', (_req, res) => {
    res.json(sessionUser(res))
  })
  // What the served page carries inline, for a page that came without it (the Vite dev server).
  router.get('/boot', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ sandbox: deps.config.sandbox, me: sessionUser(res) })
  })
  return router
}
