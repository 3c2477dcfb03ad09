import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { WEB_DIST_DIR } from './paths'

export interface FileWeight { file: string, raw: number, gzip: number, brotli: number }
export interface WeightSet { files: FileWeight[], total: Omit<FileWeight, 'file'> }

interface ManifestChunk { file: string, css?: string[], imports?: string[] }

/** The page's global styles, a `<style>` in index.html: first-screen CSS that arrives inside the HTML. */
const INLINE_STYLES = 'index.html <style>'

function inlineStyles(dist: string): string | undefined {
  return /<style>([\s\S]*?)<\/style>/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1]
}

/** Bytes of a built file: as stored, gzip (zlib default level 6) and brotli (node's default quality 11). */
export function fileWeight(file: string, dist = WEB_DIST_DIR): FileWeight {
  const bytes = file === INLINE_STYLES ? Buffer.from(inlineStyles(dist) ?? '') : readFileSync(join(dist, file))
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length, brotli: brotliCompressSync(bytes).length }
}

export function weightSet(files: Iterable<string>, dist = WEB_DIST_DIR): WeightSet {
  const weights = [...new Set(files)].map(file => fileWeight(file, dist))
  const sum = (key: 'raw' | 'gzip' | 'brotli') => weights.reduce((total, w) => total + w[key], 0)
  return { files: weights, total: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') } }
}

/**
 * What the first load fetches before any dynamic import: what index.html references (entry script, modulepreloads,
 * stylesheets) and, walking Vite's manifest, the entry's static imports and CSS; and the styles index.html holds inline
 * (weighed on their own, as if they were a file).
 */
export function initialFiles(dist = WEB_DIST_DIR): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const referenced = [...html.matchAll(/<(?:script|link)\s[^>]*(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map(m => m[1]!)
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>
  const found = new Set<string>(referenced)
  const seen = new Set<string>()
  const walk = (key: string) => {
    const chunk = manifest[key]
    if (!chunk || seen.has(key))
      return
    seen.add(key)
    found.add(chunk.file)
    chunk.css?.forEach(css => found.add(css))
    chunk.imports?.forEach(walk)
  }
  walk('index.html')
  if (inlineStyles(dist) !== undefined)
    found.add(INLINE_STYLES)
  return [...found]
}

/** Every JS and CSS file the build produced (for the lazy list). */
export function allBuiltFiles(dist = WEB_DIST_DIR): string[] {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>
  return [...new Set(Object.values(manifest).flatMap(c => [c.file, ...(c.css ?? [])]))].filter(f => /\.(?:js|css)$/.test(f))
}
