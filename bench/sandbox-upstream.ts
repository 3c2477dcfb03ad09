import type { Spawned } from './processes'
import { fileURLToPath } from 'node:url'
import { spawnTs } from './processes'

export interface Upstream extends Spawned { pulanBaseUrl: string, wecomBaseUrl: string }

const ENTRY = fileURLToPath(new URL('./sandbox-process.ts', import.meta.url))

/** Starts bench/sandbox-process.ts and waits for the line that says where it listens. */
export async function startUpstream(): Promise<Upstream> {
  let resolveUrls: (urls: { pulanBaseUrl: string, wecomBaseUrl: string }) => void
  const urls = new Promise<{ pulanBaseUrl: string, wecomBaseUrl: string }>((resolve) => {
    resolveUrls = resolve
  })
  const process = spawnTs(ENTRY, { NODE_ENV: 'production' }, (line) => {
    if (line.startsWith('{'))
      resolveUrls(JSON.parse(line))
  })
  const timeout = setTimeout(() => process.child.kill('SIGKILL'), 30_000)
  const exited = new Promise<never>((_, reject) => process.child.once('exit', code =>
    reject(new Error(`the sandbox process exited (${code}) before listening\n${process.stderr()}`))))
  exited.catch(() => {})
  const found = await Promise.race([urls, exited])
  clearTimeout(timeout)
  return { ...process, ...found }
}
