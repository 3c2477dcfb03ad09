import { Buffer } from 'node:buffer'
import { Router } from 'express'
import { AVATAR_JPEGS } from './avatar-images'
import { avatarPath } from './demo-data'

const images = new Map(Object.entries(AVATAR_JPEGS).map(([id, data]) => [id, Buffer.from(data, 'base64')]))

/**
 * `GET /avatars/:id.jpg`: the customer's avatar as WeCom serves one, a square JPEG (the page rounds it), here a colour
 * with the customer's first character (web/build/renderSandboxAvatars.ts), so no page needs an outside URL.
 */
export function avatarRoutes(): Router {
  const router = Router()
  router.get(avatarPath(':externalUserId'), (req, res) => {
    const image = images.get(String(req.params.externalUserId))
    if (!image)
      return res.status(404).type('text/plain').send('头像不存在')
    res.type('image/jpeg').set('Cache-Control', 'public, max-age=86400').send(image)
  })
  return router
}
