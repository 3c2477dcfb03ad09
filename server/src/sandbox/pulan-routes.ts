import type { NextFunction, Request, Response } from 'express'
import type { DemoOpportunity } from './demo-data'
import type { SandboxState } from './state'
import express, { Router } from 'express'
import { validateAddFollow } from './add-follow-validation'
import { validateCreateBusiness } from './create-business'
import { endpoint, PULAN_TOKEN_INVALID } from './endpoint-middleware'
import { pulanFileRoutes } from './pulan-files'

const ok = (data?: unknown) => ({ code: 0, msg: 'success', ...(data === undefined ? {} : { data }) })
const missing = (name: string) => ({ code: 400, msg: `缺少参数 ${name}` })

/** The Bearer token check every endpoint but the token one makes. */
export function requirePulanToken(state: SandboxState) {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1]
    if (state.tokens.check('pulan.accessToken', token) !== 'valid')
      return res.json(PULAN_TOKEN_INVALID)
    next()
  }
}

function publicOpportunity({ customerId: _owner, ...opportunity }: DemoOpportunity) {
  return opportunity
}

/** The 谱蓝云 OpenAPI stand-in: envelope `{ code, msg, data }`, always HTTP 200 with the outcome in `code`. */
export function pulanRoutes(state: SandboxState): Router {
  const router = Router()
  const auth = requirePulanToken(state)
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)

  router.get('/open-api/auth/access-token', endpoint('pulan.token', state), (req, res) => {
    const { appKey, appSecret } = req.query
    if (appKey !== state.credentials.appKey || appSecret !== state.credentials.appSecret)
      return res.json({ code: 40001, msg: 'appKey 或 appSecret 错误' })
    const token = state.tokens.issue('pulan.accessToken')
    res.json(ok({ accessToken: token.value, expiresIn: token.expiresIn }))
  })

  router.get('/open-api/org/user/by-wecom-userid', endpoint('pulan.user', state), auth, (req, res) => {
    const wecomUserId = text(req.query.wecomUserId)
    if (!wecomUserId)
      return res.json(missing('wecomUserId'))
    const user = state.pulanUsers.find(u => u.wecomUserId === wecomUserId)
    res.json(user ? ok({ userId: user.pulanUserId, name: user.name }) : { code: 404, msg: '用户不存在' })
  })

  router.get('/open-api/customer/info', endpoint('pulan.customer', state), auth, (req, res) => {
    const externalUserId = text(req.query.externalUserId)
    if (!externalUserId)
      return res.json(missing('externalUserId'))
    const customer = state.customers.find(c => c.externalUserId === externalUserId)
    if (!customer)
      return res.json({ code: 404, msg: '客户不存在' })
    res.json(ok({
      customerId: customer.customerId,
      name: customer.name,
      avatar: state.avatarUrl(customer.externalUserId),
      corpName: customer.corpName,
      followUserIds: customer.followers.map(f => f.wecomUserId),
    }))
  })

  router.get('/open-api/customer/biz-submit/list', endpoint('pulan.opportunities', state), auth, (req, res) => {
    const raw = text(req.query.customerId)
    if (!raw)
      return res.json(missing('customerId'))
    if (!/^\d+$/.test(raw))
      return res.json({ code: 400, msg: 'customerId 必须是整数' })
    const customerId = Number(raw)
    if (!state.customers.some(c => c.customerId === customerId))
      return res.json({ code: 404, msg: '客户不存在' })
    res.json(ok([...state.opportunities.values()].filter(o => o.customerId === customerId).map(publicOpportunity)))
  })

  router.post('/open-api/customer/biz-submit/add-follow', express.json({ limit: '2mb' }), endpoint('pulan.addFollow', state), auth, (req, res) => {
    const verdict = validateAddFollow(req.body, state)
    if (!verdict.ok)
      return res.json({ code: verdict.code, msg: verdict.msg })
    state.records.accepted(req.body)
    state.applyFollow(verdict.body.businessId, verdict.body.stageId)
    res.json(ok())
  })

  router.post('/open-api/customer/biz-submit/create-business', express.json({ limit: '64kb' }), endpoint('pulan.createBusiness', state), auth, (req, res) => {
    const verdict = validateCreateBusiness(req.body, state)
    if (!verdict.ok)
      return res.json({ code: verdict.code, msg: verdict.msg })
    state.records.acceptedBusiness(verdict.body, state.createBusiness(verdict.body, verdict.line))
    res.json(ok())
  })

  router.use(pulanFileRoutes(state, auth))
  return router
}
