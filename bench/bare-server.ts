// The baseline: a bare node:http server doing the minimum each job needs (bench/reference-jobs.ts), nothing else.
// Run as its own process by bench/server-load.ts; configured by environment.
import http from 'node:http'
import { followUp, jssdkConfig, setting } from './reference-jobs'

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString())
      const [status, answer] = req.url === '/api/jssdk/config'
        ? jssdkConfig(body)
        : await followUp(body, req.url === '/api/follow-ups?sameReads=1')
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer))
    }
    catch (error) {
      res.writeHead(500).end(String(error))
    }
  })
})
server.keepAliveTimeout = 65_000
server.listen(Number(setting('BARE_PORT')), '127.0.0.1', () => console.log('listening'))
process.on('SIGTERM', () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
})
