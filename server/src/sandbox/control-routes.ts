import type { SandboxState } from './state'
import express, { Router } from 'express'
import { z } from 'zod'
import { ENDPOINT_NAMES } from './endpoints'

const FaultBody = z.object({
  endpoint: z.enum(ENDPOINT_NAMES),
  fault: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('slow'), delayMs: z.number().int().min(0).max(120_000) }),
    z.object({ kind: z.literal('status'), status: z.union([z.literal(500), z.literal(502), z.literal(503)]) }),
    z.object({ kind: z.enum(['reset', 'malformed', 'tokenExpired', 'rateLimited', 'down']) }),
    z.object({ kind: z.literal('errcode'), errcode: z.number().int() }),
    z.object({ kind: z.literal('rejected'), code: z.number().int(), msg: z.string().max(500) }),
  ]),
  times: z.number().int().positive().optional(),
})

/** The control API for tests that run the app in another process (browser tests): records, reset, faults. */
export function controlRoutes(state: SandboxState): Router {
  const router = Router()
  router.get('/__sandbox/records', (_req, res) => {
    res.json({ counts: state.records.counts(), addFollows: state.records.addFollows, createBusinesses: state.records.createBusinesses, schedules: state.records.schedules, requests: state.records.requests })
  })
  // `?keepTokens=1` keeps issued tokens and tickets valid, as WeCom does between tests of an app that cached them.
  router.post('/__sandbox/reset', (req, res) => {
    state.reset({ keepTokens: req.query.keepTokens === '1' })
    res.json({ ok: true })
  })
  router.post('/__sandbox/expire-tokens', (_req, res) => {
    state.tokens.expireAll()
    res.json({ ok: true })
  })
  // Test-only: lets a browser test check that the signatures the page gave the JS-SDK verify.
  router.get('/__sandbox/tickets', (_req, res) => {
    res.json({ jsapi: state.tokens.validValues('wecom.jsapiTicket'), agent: state.tokens.validValues('wecom.agentTicket') })
  })
  router.get('/__sandbox/faults', (_req, res) => {
    res.json({ faults: state.faults.active() })
  })
  router.post('/__sandbox/faults', express.json(), (req, res) => {
    const parsed = FaultBody.safeParse(req.body)
    if (!parsed.success)
      return res.status(400).json({ error: { code: 'VALIDATION_FAILED', message: z.prettifyError(parsed.error) } })
    const { endpoint, fault, times } = parsed.data
    state.faults.set(endpoint, fault, times === undefined ? {} : { times })
    res.json({ ok: true })
  })
  router.delete('/__sandbox/faults', (req, res) => {
    const endpoint = z.enum(ENDPOINT_NAMES).safeParse(req.query.endpoint)
    state.faults.clear(endpoint.success ? endpoint.data : undefined)
    res.json({ ok: true })
  })
  return router
}
