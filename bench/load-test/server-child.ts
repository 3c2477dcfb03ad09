import type { LoadReply, LoadRequest, MemoryFigures } from './server-process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { spawnServer, testServerEnv } from '@app/server/test/server-process'

/** The server process under load, and the questions the runner asks it over IPC. */
export interface ServerChild {
  url: string
  memory: (gc: boolean) => Promise<MemoryFigures>
  recordedRemarks: () => Promise<string[]>
  dropRetained: () => Promise<void>
  stop: () => Promise<void>
}

export async function startServerChild(): Promise<ServerChild> {
  const env = testServerEnv({ LOG_LEVEL: 'warn', RATE_LIMIT_API_PER_USER: '100000000', RATE_LIMIT_API_PER_IP: '100000000', RATE_LIMIT_AUTH_PER_IP: '100000000' })
  const { child, lines } = spawnServer(env, { entry: fileURLToPath(new URL('./server-process.ts', import.meta.url)), nodeArgs: ['--expose-gc'], ipc: true })
  const next = <T extends LoadReply['type']>(type: T) => new Promise<Extract<LoadReply, { type: T }>>((resolve, reject) => {
    const onMessage = (message: LoadReply) => {
      if (message.type !== type)
        return
      child.off('message', onMessage)
      child.off('exit', onExit)
      resolve(message as Extract<LoadReply, { type: T }>)
    }
    const onExit = (code: number | null) => reject(new Error(`server process exited (${code}) before answering ${type}:\n${lines.join('\n')}`))
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
  const ask = <T extends LoadReply['type']>(request: LoadRequest, type: T) => {
    const answer = next(type)
    child.send(request)
    return answer
  }

  const ready = await next('ready')
  return {
    url: ready.url,
    memory: async gc => (await ask({ type: 'memory', gc }, 'memory')).memory,
    recordedRemarks: async () => (await ask({ type: 'records' }, 'records')).remarks,
    dropRetained: async () => {
      await ask({ type: 'drop-retained' }, 'done')
    },
    stop: async () => {
      const exited = once(child, 'exit')
      child.send({ type: 'stop' } satisfies LoadRequest)
      await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 20_000))])
      if (child.exitCode === null)
        child.kill('SIGKILL')
    },
  }
}
