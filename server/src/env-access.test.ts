import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('.', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory())
      return sourceFiles(path)
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : []
  })
}

describe('configuration access', () => {
  it('only config.ts reads process.env', () => {
    const readers = sourceFiles(root)
      .filter(file => /process\.env\b|loadEnvFile/.test(readFileSync(file, 'utf8')))
      .map(file => relative(root, file))
    expect(readers).toEqual(['config.ts'])
  })
})
