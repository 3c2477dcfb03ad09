// The Express floor: Express 5 doing the same jobs as the bare server (bench/reference-jobs.ts) with its own JSON
// body parser and no other middleware. What our server is held to: the cost of Express itself is not ours to remove.
import express from 'express'
import { followUp, jssdkConfig, setting } from './reference-jobs'

const app = express()
app.disable('x-powered-by')
app.use(express.json({ limit: '256kb' }))
app.post('/api/jssdk/config', (req, res) => {
  const [status, answer] = jssdkConfig(req.body)
  res.status(status).json(answer)
})
app.post('/api/follow-ups', async (req, res) => {
  const [status, answer] = await followUp(req.body, req.query.sameReads === '1')
  res.status(status).json(answer)
})
const server = app.listen(Number(setting('BARE_PORT')), '127.0.0.1', () => console.log('listening'))
server.keepAliveTimeout = 65_000
process.on('SIGTERM', () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
})
