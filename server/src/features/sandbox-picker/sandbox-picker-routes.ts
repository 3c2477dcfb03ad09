import type { AppDeps } from '../../deps'
import { Router } from 'express'
import { sessionUser } from '../../session-middleware'

/** Sandbox mode only: the demo customers and groups the page's picker offers when it runs outside WeCom. */
export function sandboxPickerRoutes(deps: Pick<AppDeps, 'sandboxCustomers' | 'sandboxGroups'>): Router {
  const router = Router()
  const { sandboxCustomers, sandboxGroups } = deps
  if (sandboxCustomers) {
    router.get('/customers', (_req, res) => {
      res.json({ customers: sandboxCustomers(sessionUser(res).wecomUserId) })
    })
  }
  if (sandboxGroups) {
    router.get('/groups', (_req, res) => {
      res.json({ groups: sandboxGroups() })
    })
  }
  return router
}
