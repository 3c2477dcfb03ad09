import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { SourceMapConsumer } from 'source-map-js'
import { REPO_DIR } from './paths'
import { initialFiles } from './weight'

export interface ModuleBytes { source: string, bytes: number, initial: boolean }
export interface ModulesResult { modules: ModuleBytes[], packagesInitial: { name: string, bytes: number }[], initialJsBytes: number }

/** `.../node_modules/.pnpm/x/node_modules/@vue/runtime-core/dist/a.js` -> `@vue/runtime-core/dist/a.js`; own files repo-relative. */
export function displaySource(absolute: string): string {
  const at = absolute.lastIndexOf('node_modules/')
  return at >= 0 ? absolute.slice(at + 'node_modules/'.length) : relative(REPO_DIR, absolute)
}

export function packageOf(source: string): string {
  if (!source.startsWith('web/') && !source.startsWith('shared/') && !source.startsWith('(')) {
    const parts = source.split('/')
    return source.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!
  }
  return source.split('/').slice(0, 2).join('/')
}

/** Minified bytes of one chunk per original source: each mapping owns the text up to the next mapping on its line. */
export function attributeChunk(code: string, mapText: string, mapDir: string): Map<string, number> {
  const consumer = new SourceMapConsumer(JSON.parse(mapText))
  const lines = code.split('\n')
  const owned = new Map<string, number>()
  const add = (source: string, text: string) => owned.set(source, (owned.get(source) ?? 0) + Buffer.byteLength(text))
  let previous: { line: number, column: number, source: string } | null = null
  const close = (endLine: number, endColumn: number) => {
    if (!previous)
      return
    const line = lines[previous.line - 1] ?? ''
    add(previous.source, previous.line === endLine ? line.slice(previous.column, endColumn) : line.slice(previous.column))
  }
  consumer.eachMapping((m) => {
    close(m.generatedLine, m.generatedColumn)
    const source = m.source ? displaySource(resolve(mapDir, m.source)) : '(no source)'
    previous = { line: m.generatedLine, column: m.generatedColumn, source }
  })
  close(Number.POSITIVE_INFINITY, 0)
  return owned
}

/** Builds the page again with sourcemaps into a temporary folder and attributes every JS chunk's bytes by source. */
export function measureModules(): ModulesResult {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-sourcemap-'))
  try {
    execFileSync('pnpm', ['--filter', '@app/web', 'exec', 'vite', 'build', '--sourcemap', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: REPO_DIR, stdio: ['ignore', 'ignore', 'inherit'] })
    const initial = new Set(initialFiles(outDir))
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>
    const totals = new Map<string, ModuleBytes>()
    let initialJsBytes = 0
    for (const file of new Set(Object.values(manifest).map(c => c.file).filter(f => f.endsWith('.js')))) {
      const path = join(outDir, file)
      const code = readFileSync(path, 'utf8')
      const owned = existsSync(`${path}.map`)
        ? attributeChunk(code, readFileSync(`${path}.map`, 'utf8'), dirname(path))
        : new Map([[`(no sourcemap: ${file})`, Buffer.byteLength(code)]])
      for (const [source, bytes] of owned) {
        const key = `${source}|${initial.has(file)}`
        const entry = totals.get(key) ?? { source, bytes: 0, initial: initial.has(file) }
        entry.bytes += bytes
        totals.set(key, entry)
        if (initial.has(file))
          initialJsBytes += bytes
      }
    }
    const modules = [...totals.values()].sort((a, b) => b.bytes - a.bytes)
    const packages = new Map<string, number>()
    for (const m of modules.filter(m => m.initial))
      packages.set(packageOf(m.source), (packages.get(packageOf(m.source)) ?? 0) + m.bytes)
    const packagesInitial = [...packages].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes)
    return { modules, packagesInitial, initialJsBytes }
  }
  finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}
