import type { NextFunction, Request, RequestHandler, Response } from 'express'
import type { EndpointName } from './endpoints'
import type { Fault } from './faults'
import type { SandboxState } from './state'
import { setTimeout as delay } from 'node:timers/promises'
import { isWecomEndpoint } from './endpoints'

export const PULAN_TOKEN_INVALID = { code: 401, msg: 'access_token 无效或已过期' }
export const WECOM_TOKEN_EXPIRED = { errcode: 42001, errmsg: 'access_token expired' }

/** What WeCom says with these errcodes (60020 names the caller's IP, which a server must log and never show). */
const WECOM_ERRMSG: Record<number, string> = {
  [-1]: 'system busy',
  45009: 'api freq out of limit',
  45033: 'api concurrent out of limit',
  48002: 'api forbidden, hint: [sandbox], more info at https://open.work.weixin.qq.com/devtool/query?e=48002',
  60020: 'not allow to access from your ip, hint: [sandbox], from ip: 203.0.113.77, more info at https://open.work.weixin.qq.com/devtool/query?e=60020',
}

function answerCode(body: unknown): number | null {
  if (typeof body !== 'object' || body === null)
    return null
  const { code, errcode } = body as { code?: unknown, errcode?: unknown }
  const value = code ?? errcode
  return typeof value === 'number' ? value : null
}

/** Records every request (except the control API) with the endpoint it was for and the status and code it answered. */
export function recordRequests(state: SandboxState): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/__sandbox'))
      return next()
    let code: number | null = null
    const json = res.json.bind(res)
    res.json = (body: unknown) => {
      code = answerCode(body)
      return json(body)
    }
    res.on('close', () => state.records.answered({
      method: req.method,
      path: req.path,
      endpoint: (res.locals.sandboxEndpoint as EndpointName | undefined) ?? null,
      query: { ...req.query },
      status: res.headersSent ? res.statusCode : 0,
      code,
      at: new Date().toISOString(),
    }))
    next()
  }
}

/** Counts a request to the named endpoint and plays any fault set on it. */
export function endpoint(name: EndpointName, state: SandboxState): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    res.locals.sandboxEndpoint = name
    state.records.arrived(name)
    const fault = state.faults.take(name)
    if (!fault)
      return next()
    if (fault.kind === 'slow') {
      await delay(fault.delayMs)
      return next()
    }
    playFault(fault, isWecomEndpoint(name), req, res)
  }
}

function playFault(fault: Exclude<Fault, { kind: 'slow' }>, wecom: boolean, req: Request, res: Response): void {
  switch (fault.kind) {
    case 'status':
      res.status(fault.status).type('text/plain').send(`sandbox fault: HTTP ${fault.status}`)
      return
    case 'reset':
      req.socket.destroy()
      return
    case 'down':
      req.socket.resetAndDestroy()
      return
    case 'malformed':
      res.status(200).type('application/json').send(wecom ? '{"errcode":0,"errmsg":"ok",' : '{"code":0,"msg":"success","data":')
      return
    case 'tokenExpired':
      res.json(wecom ? WECOM_TOKEN_EXPIRED : PULAN_TOKEN_INVALID)
      return
    case 'errcode':
      res.json(wecom ? { errcode: fault.errcode, errmsg: WECOM_ERRMSG[fault.errcode] ?? 'sandbox errcode' } : { code: fault.errcode, msg: '沙箱错误码' })
      return
    case 'rateLimited':
      res.set('Retry-After', '1').json(wecom ? { errcode: 45009, errmsg: 'api freq out of limit' } : { code: 429, msg: '请求过于频繁，请稍后再试' })
      return
    case 'rejected':
      res.json(wecom ? { errcode: fault.code, errmsg: fault.msg } : { code: fault.code, msg: fault.msg })
  }
}
