import type { SandboxState } from './state'
import { Router } from 'express'

const COLORS = ['#1989fa', '#07c160', '#ff976a', '#7232dd', '#ee0a24', '#00a6a6']

const escapeXml = (text: string) => text.replace(/[&<>"']/g, ch => `&#${ch.charCodeAt(0)};`)

/** `GET /avatars/:id.svg`: a round avatar with the customer's first character, so no page needs an outside URL. */
export function avatarRoutes(state: SandboxState): Router {
  const router = Router()
  router.get('/avatars/:file', (req, res) => {
    const id = req.params.file.replace(/\.svg$/, '')
    const index = state.customers.findIndex(c => c.externalUserId === id)
    if (index < 0 || !req.params.file.endsWith('.svg'))
      return res.status(404).type('text/plain').send('头像不存在')
    const initial = escapeXml(Array.from(state.customers[index]!.name)[0] ?? '?')
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(
      `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">`
      + `<circle cx="48" cy="48" r="48" fill="${COLORS[index % COLORS.length]}"/>`
      + `<text x="48" y="48" dy=".35em" text-anchor="middle" font-size="44" font-family="sans-serif" fill="#fff">${initial}</text></svg>`,
    )
  })
  return router
}
