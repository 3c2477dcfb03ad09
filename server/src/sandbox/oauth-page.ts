import type { Request, Response } from 'express'
import type { SandboxState } from './state'
import { Router } from 'express'
import { DEMO_SALESPEOPLE } from './demo-data'

/** Someone who opens the app from WeChat or as a guest: WeCom knows them by an openid only. */
export const SANDBOX_NON_MEMBER = { wecomUserId: 'guest', openid: 'oSandboxGuest0001', name: '外部微信用户' }

const AUTHORIZE_PATH = '/connect/oauth2/authorize'
const CHOOSE_PATH = '/connect/oauth2/sandbox-choose'
const SCOPES = new Set(['snsapi_base', 'snsapi_privateinfo'])

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, ch => ENTITIES[ch]!)
const param = (req: Request, name: string) => (typeof req.query[name] === 'string' ? req.query[name] : '')

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title>
<style>
body{margin:0;font-family:-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;background:#f2f3f5;color:#323233}
main{max-width:480px;margin:0 auto;padding:24px 16px}h1{font-size:20px;margin:0 0 8px}p{color:#646566;font-size:14px;line-height:1.6}
a.person{display:flex;align-items:center;gap:12px;background:#fff;border-radius:12px;padding:14px 16px;margin:12px 0;color:inherit;text-decoration:none;min-height:48px;box-sizing:border-box}
a.person:active{background:#ebedf0}.badge{width:40px;height:40px;border-radius:50%;background:#07c160;color:#fff;display:flex;align-items:center;justify-content:center;font-size:18px}
small{color:#969799;display:block}.error{background:#fff;border-radius:12px;padding:16px;color:#ee0a24}
</style></head><body><main>${body}</main></body></html>`
}

/** What is wrong with the request, in Chinese, or null when WeCom would accept it. */
function authorizeProblem(state: SandboxState, req: Request): string | null {
  if (param(req, 'appid') !== state.credentials.corpId)
    return 'appid 与企业 CorpID 不一致'
  if (param(req, 'response_type') !== 'code')
    return 'response_type 必须是 code'
  if (!SCOPES.has(param(req, 'scope')))
    return 'scope 必须是 snsapi_base 或 snsapi_privateinfo'
  const agentId = param(req, 'agentid')
  if (agentId && agentId !== String(state.credentials.agentId))
    return 'agentid 与应用不一致'
  if (!/^https?:$/.test(URL.parse(param(req, 'redirect_uri'))?.protocol ?? ''))
    return 'redirect_uri 必须是完整的 http(s) 地址'
  return null
}

function refuse(res: Response, problem: string) {
  res.status(400).type('html').send(page('授权失败', `<h1>企业微信授权（沙箱）</h1><p class="error">授权参数错误：${escapeHtml(problem)}</p>`))
}

/** The OAuth2 authorize page: pick a demo salesperson; the choice issues a fresh code and redirects back. */
export function oauthRoutes(state: SandboxState): Router {
  const router = Router()

  router.get(AUTHORIZE_PATH, (req, res) => {
    const problem = authorizeProblem(state, req)
    if (problem)
      return refuse(res, problem)
    const carried = ['appid', 'redirect_uri', 'response_type', 'scope', 'state', 'agentid']
      .map(name => [name, param(req, name)] as [string, string])
    const links = [...DEMO_SALESPEOPLE, SANDBOX_NON_MEMBER].map((person) => {
      const href = `${CHOOSE_PATH}?${new URLSearchParams([...carried, ['userid', person.wecomUserId]])}`
      return `<a class="person" data-userid="${escapeHtml(person.wecomUserId)}" href="${escapeHtml(href)}">`
        + `<span class="badge">${escapeHtml(Array.from(person.name)[0] ?? '?')}</span>`
        + `<span>${escapeHtml(person.name)}<small>${person === SANDBOX_NON_MEMBER ? '不是企业成员' : `企业微信账号 ${escapeHtml(person.wecomUserId)}`}</small></span></a>`
    }).join('')
    res.type('html').set('Cache-Control', 'no-store').send(page('企业微信授权（沙箱）', `<h1>企业微信授权（沙箱）</h1>
<p>这是沙箱环境，不会连接真实的企业微信。请选择以哪位销售的身份登录：</p><nav>${links}</nav>`))
  })

  router.get(CHOOSE_PATH, (req, res) => {
    const problem = authorizeProblem(state, req)
    if (problem)
      return refuse(res, problem)
    const chosen = param(req, 'userid')
    const person = DEMO_SALESPEOPLE.find(p => p.wecomUserId === chosen)
    if (!person && chosen !== SANDBOX_NON_MEMBER.wecomUserId)
      return refuse(res, '请选择一位演示销售')
    const target = new URL(param(req, 'redirect_uri'))
    target.searchParams.set('code', state.oauthCodes.issue(person ? person.wecomUserId : `openid:${SANDBOX_NON_MEMBER.openid}`))
    target.searchParams.set('state', param(req, 'state'))
    res.set('Cache-Control', 'no-store').redirect(302, target.toString())
  })
  return router
}
