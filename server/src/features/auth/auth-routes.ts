import type { AppDeps } from '../../app'
import { Router } from 'express'
import { writeSession } from '../../session'
import { errorPage } from './error-page'
import { createOAuthStates } from './oauth-state'
import { safeReturnTo } from './return-to'

export function authRoutes({ config, store, wecom, pulan }: AppDeps): Router {
  const router = Router()
  const states = createOAuthStates(store, config.sessionSecret)
  const secure = config.publicUrl.startsWith('https:')

  router.get('/login', async (req, res) => {
    const returnTo = safeReturnTo(req.query.returnTo ?? '/', config.publicUrl)
    if (!returnTo) {
      res.status(400).type('html').send(errorPage('无法登录', '跳转地址不合法，请从企业微信侧边栏重新打开。'))
      return
    }
    const state = await states.issue(returnTo)
    const authorize = new URL('/connect/oauth2/authorize', config.wecom.oauthBase)
    authorize.search = new URLSearchParams({
      appid: config.wecom.corpId,
      redirect_uri: new URL('/auth/callback', config.publicUrl).href,
      response_type: 'code',
      scope: 'snsapi_base',
      state,
      agentid: String(config.wecom.agentId),
    }).toString()
    authorize.hash = 'wechat_redirect'
    res.redirect(302, authorize.href)
  })

  router.get('/callback', async (req, res) => {
    const returnTo = await states.consume(req.query.state)
    if (!returnTo) {
      res.status(400).type('html').send(errorPage('登录链接已失效', '这个登录链接已使用或已过期，请重新打开页面。'))
      return
    }
    const code = typeof req.query.code === 'string' && /^[\w-]{1,512}$/.test(req.query.code) ? req.query.code : null
    const wecomUserId = code ? await wecom.getUserIdByCode(code) : null
    if (!wecomUserId) {
      res.status(400).type('html').send(errorPage('企业微信授权失败', '授权码无效或已使用，请重新打开页面。'))
      return
    }
    const user = await pulan.getUserByWecomUserId(wecomUserId)
    if (!user) {
      req.log.warn({ wecomUserId }, 'no 谱蓝云 user for this WeCom member')
      res.status(403).type('html').send(errorPage('没有谱蓝云账号', '你的企业微信账号还没有关联谱蓝云用户，请联系管理员开通。'))
      return
    }
    writeSession(res, { wecomUserId, pulanUserId: user.userId, name: user.name }, { ttlSeconds: config.sessionTtlSeconds, secure })
    res.redirect(302, returnTo)
  })

  return router
}
