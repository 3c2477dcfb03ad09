import type { Request, Response } from 'express'
import type { SandboxState } from './state'
import type { TokenKind } from './tokens'
import { Router } from 'express'
import { endpoint, WECOM_TOKEN_EXPIRED } from './endpoint-middleware'

const OK = { errcode: 0, errmsg: 'ok' }
const query = (req: Request, name: string) => (typeof req.query[name] === 'string' ? req.query[name] : '')

/** Answers 41001/40014/42001 like WeCom when the access_token is missing, unknown or expired; true when it is valid. */
export function tokenIsValid(state: SandboxState, req: Request, res: Response): boolean {
  const token = query(req, 'access_token')
  if (!token) {
    res.json({ errcode: 41001, errmsg: 'access_token missing' })
    return false
  }
  const check = state.tokens.check('wecom.accessToken', token)
  if (check === 'unknown')
    res.json({ errcode: 40014, errmsg: 'invalid access_token' })
  else if (check === 'expired')
    res.json(WECOM_TOKEN_EXPIRED)
  return check === 'valid'
}

/** The WeCom server API stand-in (`/cgi-bin/*`): `{ errcode, errmsg, ... }`, always HTTP 200. */
export function wecomRoutes(state: SandboxState): Router {
  const router = Router()

  router.get('/cgi-bin/gettoken', endpoint('wecom.gettoken', state), (req, res) => {
    if (query(req, 'corpid') !== state.credentials.corpId)
      return res.json({ errcode: 40013, errmsg: 'invalid corpid' })
    if (query(req, 'corpsecret') !== state.credentials.corpSecret)
      return res.json({ errcode: 40001, errmsg: 'invalid credential' })
    const token = state.tokens.issue('wecom.accessToken')
    res.json({ ...OK, access_token: token.value, expires_in: token.expiresIn })
  })

  const ticket = (kind: TokenKind) => (req: Request, res: Response) => {
    if (!tokenIsValid(state, req, res))
      return
    if (kind === 'wecom.agentTicket' && query(req, 'type') !== 'agent_config')
      return res.json({ errcode: 40004, errmsg: 'invalid type' })
    const issued = state.tokens.issue(kind)
    res.json({ ...OK, ticket: issued.value, expires_in: issued.expiresIn })
  }
  router.get('/cgi-bin/get_jsapi_ticket', endpoint('wecom.jsapiTicket', state), ticket('wecom.jsapiTicket'))
  router.get('/cgi-bin/ticket/get', endpoint('wecom.agentTicket', state), ticket('wecom.agentTicket'))

  router.get('/cgi-bin/auth/getuserinfo', endpoint('wecom.getuserinfo', state), (req, res) => {
    if (!tokenIsValid(state, req, res))
      return
    const code = query(req, 'code')
    if (!code)
      return res.json({ errcode: 41008, errmsg: 'missing oauth code' })
    const userid = state.oauthCodes.redeem(code)
    if (!userid)
      return res.json({ errcode: 40029, errmsg: 'invalid code' })
    // Someone outside the corp (a WeChat user) gets an openid, not a userid.
    res.json(userid.startsWith('openid:') ? { ...OK, openid: userid.slice('openid:'.length), external_userid: '' } : { ...OK, userid })
  })

  router.get('/cgi-bin/externalcontact/get', endpoint('wecom.externalcontact', state), (req, res) => {
    if (!tokenIsValid(state, req, res))
      return
    const customer = state.customers.find(c => c.externalUserId === query(req, 'external_userid'))
    if (!customer)
      return res.json({ errcode: 84061, errmsg: 'not external contact' })
    // Like WeCom, follow_user comes in pages (500 there) and next_cursor points at the next one.
    const size = state.followUserPageSize
    const start = Number(query(req, 'cursor') || 0)
    if (!Number.isInteger(start) || start < 0)
      return res.json({ errcode: 40125, errmsg: 'invalid cursor' })
    const followers = customer.followers.slice(start, start + size)
    const more = start + size < customer.followers.length
    res.json({
      ...OK,
      external_contact: {
        external_userid: customer.externalUserId,
        name: customer.name,
        avatar: state.avatarUrl(customer.externalUserId),
        type: customer.type,
        gender: customer.gender,
        corp_name: customer.corpName,
      },
      ...(more && { next_cursor: String(start + size) }),
      follow_user: followers.map(f => ({
        userid: f.wecomUserId,
        remark: f.remark,
        description: '',
        createtime: Math.floor(Date.parse(f.createdAt) / 1000),
        tags: [],
      })),
    })
  })
  return router
}
