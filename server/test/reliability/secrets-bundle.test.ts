import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_CREDENTIALS } from '../../src/sandbox'
import { CONFIGURED_SECRETS, filesUnder, findSecrets, readText, SECRET_NAMES } from './secret-scan'

const webDir = fileURLToPath(new URL('../../../web', import.meta.url))
const outDir = mkdtempSync(join(tmpdir(), 'web-bundle-'))
let files: string[] = []

// Built here, into a temporary folder, so the test never depends on (or scans a stale) web/dist.
beforeAll(async () => {
  await promisify(execFile)('pnpm', ['exec', 'vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: webDir, timeout: 150_000 })
  files = filesUnder(outDir)
}, 180_000)
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('the web bundle', () => {
  it('is built: the page, its scripts and the app\'s own text are there to scan', () => {
    expect(files.some(file => file.endsWith('index.html'))).toBe(true)
    const scripts = files.filter(file => file.endsWith('.js'))
    expect(scripts.length).toBeGreaterThan(0)
    expect(scripts.some(file => readText(file).includes('/api/follow-ups'))).toBe(true)
  })

  it('holds no secret value or app key, and no secret setting or parameter name', () => {
    const leaks = files.flatMap(file => findSecrets(readText(file), [...CONFIGURED_SECRETS, SANDBOX_CREDENTIALS.appKey], SECRET_NAMES).map(secret => `${secret} in ${file.slice(outDir.length)}`))
    expect(leaks).toEqual([])
  })
})
