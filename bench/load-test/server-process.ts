import { loadSettings } from '@app/server/config'
import { createLogger } from '@app/server/logger'
import { createMemoryStore } from '@app/server/memory-store'
import { startServer } from '@app/server/server'

// The real server in sandbox mode, in its own process so its memory is measured apart from the load generator's.
// It answers the load runner over IPC: its URL, its memory (optionally after a GC) and what reached 谱蓝云.

export type LoadRequest = { type: 'memory', gc: boolean } | { type: 'records' } | { type: 'drop-retained' } | { type: 'stop' }
export interface MemoryFigures { rssMb: number, heapUsedMb: number }
export type LoadReply
  = | { type: 'ready', url: string, sessionSecret: string }
    | { type: 'memory', memory: MemoryFigures }
    | { type: 'records', remarks: string[] }
    | { type: 'done' }

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024 * 10) / 10
const reply = (message: LoadReply) => process.send?.(message)
const gc = (globalThis as { gc?: () => void }).gc

const store = createMemoryStore()
// The environment is the one spawnServer gave this process (testServerEnv); no credentials, so sandbox mode.
const settings = loadSettings()
const running = await startServer(settings, { logger: createLogger('warn'), store })

process.on('message', async (message: LoadRequest) => {
  switch (message.type) {
    case 'memory': {
      if (message.gc && gc) {
        for (let i = 0; i < 3; i++) {
          gc()
          await new Promise(resolve => setTimeout(resolve, 50))
        }
      }
      const usage = process.memoryUsage()
      return reply({ type: 'memory', memory: { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed) } })
    }
    case 'records':
      return reply({ type: 'records', remarks: running.sandbox!.records.addFollows.map(follow => String((follow as { remark?: unknown }).remark)) })
    case 'drop-retained':
      // What the run legitimately keeps: the sandbox's copy of every follow-up and the 48 h idempotency records.
      running.sandbox!.records.clear()
      await store.close()
      return reply({ type: 'done' })
    case 'stop':
      await running.close()
      reply({ type: 'done' })
      process.exit(0)
  }
})
reply({ type: 'ready', url: running.url, sessionSecret: settings.sessionSecret })
