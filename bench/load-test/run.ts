import type { Salesperson } from './submissions'
import { parseArgs } from 'node:util'
import { signIn } from '@app/server/test/harness'
import autocannon from 'autocannon'
import { printReport } from './report'
import { resendUnanswered } from './resend'
import { startServerChild } from './server-child'
import { newKey, SALESPEOPLE, submissionFor } from './submissions'
import { Tally } from './tally'

// 200 salespeople (signed-in sessions spread over the sandbox's demo salespeople) each submitting follow-ups, every
// request with its own Idempotency-Key, for --duration seconds against the real server in sandbox mode on loopback.
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '200' },
    sessions: { type: 'string', default: '200' },
  },
})
const duration = Number(args.duration)
const connections = Number(args.connections)
const sessionCount = Number(args.sessions)
for (const [name, value] of Object.entries({ duration, connections, sessions: sessionCount })) {
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} must be a positive number`)
    process.exit(2)
  }
}

const startedAt = Date.now()
const phase = (name: string) => console.log(`[${((Date.now() - startedAt) / 1000).toFixed(1)} s] ${name}`)
const server = await startServerChild()
try {
  phase(`server (sandbox mode) at ${server.url}; signing in ${sessionCount} sessions`)
  const sessions: { person: Salesperson, cookie: string }[] = []
  for (let i = 0; i < sessionCount; i += 20) {
    const batch = Array.from({ length: Math.min(20, sessionCount - i) }, (_, j) => SALESPEOPLE[(i + j) % SALESPEOPLE.length]!)
    sessions.push(...await Promise.all(batch.map(async person => ({ person, cookie: await signIn(server.url, person.wecomUserId) }))))
  }

  const tally = new Tally()
  let nextSession = 0
  const request: autocannon.Request = {
    method: 'POST',
    path: '/api/follow-ups',
    setupRequest: (req, context) => {
      const session = sessions[nextSession++ % sessions.length]!
      const key = newKey()
      const body = JSON.stringify(submissionFor(session.person, key))
      ;(context as { key?: string }).key = key
      tally.sent.set(key, { cookie: session.cookie, body })
      return { ...req, headers: { 'content-type': 'application/json', 'cookie': session.cookie, 'idempotency-key': key }, body }
    },
    onResponse: (status, _body, context) => {
      tally.answered(String((context as { key?: string }).key), status)
    },
  }

  phase('warming up')
  // Warm up (JIT, token cache, sockets), then measure the baseline.
  await autocannon({ url: server.url, connections: 20, amount: 400, requests: [request] })
  const warmUpRecords = (await server.recordedRemarks()).length
  const before = await server.memory(true)

  phase(`running: ${connections} connections for ${duration} s`)
  const result = await autocannon({ url: server.url, connections, duration, timeout: 20, requests: [request] })
  await new Promise(resolve => setTimeout(resolve, 2000))
  phase(`sending the ${tally.unanswered().length} requests whose answers the end of the run cut off again, with the same keys`)
  await resendUnanswered(server.url, tally)

  phase('measuring')
  const remarks = await server.recordedRemarks()
  const after = await server.memory(false)
  const afterGc = await server.memory(true)
  await server.dropRetained()
  const afterDrop = await server.memory(true)

  const ok = printReport({ result, reconciled: tally.reconcile(remarks), warmUpRecords, memory: { before, after, afterGc, afterDrop } })
  process.exitCode = ok ? 0 : 1
  phase('done')
}
catch (error) {
  console.error('load test failed to run:', error)
  process.exitCode = 1
}
finally {
  await server.stop()
  phase('server stopped')
  // autocannon and fetch leave keep-alive timers behind; the figures are printed, so end now.
  process.exit()
}
