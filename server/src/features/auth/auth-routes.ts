import type { AppDeps } from '../../deps'
import { Router } from 'express'
import { errorPage } from '../../error-page'
import { readSession, writeSession } from '../../session'
import { createOAuthStates } from './oauth-state'
import { safeReturnTo } from './return-to'
import { ensureSigninBinding, signinBinding } from './signin-binding'

/** Set when a failed code restarted the sign-in, so it restarts only once. */
const RETRIED_COOKIE = 'fu_oauth_retry'

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
    const state = await states.issue(returnTo, ensureSigninBinding(req, res, secure))
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
    const returnTo = await states.consume(req.query.state, signinBinding(req))
    if (!returnTo) {
      // WeCom may open the redirect twice: the second one, for someone already signed in, goes to the page.
      if (readSession(req)) {
        res.redirect(302, '/')
        return
      }
      res.status(400).type('html').send(errorPage('登录链接已失效', '这个登录链接已使用、已过期，或不是在这个浏览器里发起的，请重新打开页面。'))
      return
    }
    const code = typeof req.query.code === 'string' && /^[\w-]{1,512}$/.test(req.query.code) ? req.query.code : null
    if (!code) {
      res.status(400).type('html').send(errorPage('企业微信授权失败', '授权码无效或已使用，请重新打开页面。'))
      return
    }
    const owner = await wecom.signInByCode(code)
    if (owner.kind === 'not-member') {
      res.status(403).type('html').send(errorPage('你不是本企业的成员', '记跟进只供本企业的企业微信成员使用。请用企业微信（不是微信）登录你所在企业的账号后，再从客户聊天的侧边栏打开。'))
      return
    }
    if (owner.kind === 'invalid-code') {
      // WeCom says the code is expired or used (40029): start the sign-in once more by itself; a second failure is shown.
      if (req.signedCookies?.[RETRIED_COOKIE] !== '1') {
        res.cookie(RETRIED_COOKIE, '1', { httpOnly: true, sameSite: 'lax', secure, signed: true, maxAge: 5 * 60_000, path: '/auth' })
        res.redirect(302, `/auth/login?returnTo=${encodeURIComponent(returnTo)}`)
        return
      }
      res.clearCookie(RETRIED_COOKIE, { path: '/auth' })
      res.status(400).type('html').send(errorPage('企业微信授权失败', '授权码无效或已使用，请重新打开页面。'))
      return
    }
    const wecomUserId = owner.userId
    const user = await pulan.getUserByWecomUserId(wecomUserId)
    if (!user) {
      req.log.warn({ wecomUserId }, 'no 谱蓝云 user for this WeCom member')
      res.status(403).type('html').send(errorPage('没有谱蓝云账号', '你的企业微信账号还没有关联谱蓝云用户，请联系管理员开通。'))
      return
    }
    res.clearCookie(RETRIED_COOKIE, { path: '/auth' })
    writeSession(res, { wecomUserId, pulanUserId: user.userId, name: user.name }, { ttlSeconds: config.sessionTtlSeconds, secure })
    res.redirect(302, returnTo)
  })

  return router
}
