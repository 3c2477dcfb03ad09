import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('.', import.meta.url))
// Folders that hold only test support (harnesses that start processes with a chosen environment).
const TEST_ONLY = new Set(['test', 'multi-instance', 'reliability'])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory())
      return TEST_ONLY.has(entry.name) ? [] : sourceFiles(path)
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : []
  })
}

describe('configuration access', () => {
  it('only config.ts reads process.env (outside test-only folders)', () => {
    const readers = sourceFiles(root)
      .filter(file => /process\.env\b|loadEnvFile/.test(readFileSync(file, 'utf8')))
      .map(file => relative(root, file))
    expect(readers).toEqual(['config.ts'])
  })
})
