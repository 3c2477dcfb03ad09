// @vitest-environment node
import type { Rolldown } from 'vite'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { build } from 'vite'
import { beforeAll, describe, expect, it } from 'vitest'
import { ALL_FUNCTIONS_CALLED_ON_LOAD } from '../build/compileHints'

type Output = Rolldown.RolldownOutput['output']
type Chunk = Extract<Output[number], { type: 'chunk' }>
type Asset = Extract<Output[number], { type: 'asset' }>

const WEB_DIR = fileURLToPath(new URL('..', import.meta.url))

let output: Output
let html: string
const chunks = () => output.filter((item): item is Chunk => item.type === 'chunk')
const chunkWith = (module: string) => chunks().find(chunk => chunk.moduleIds.some(id => id.includes(module)))
/** The page's global styles, a `<style>` in index.html. */
const inlineStyles = () => /<style>([^<]*)<\/style>/.exec(html)![1]!
/** Every file index.html names (the entry, its stylesheets and the preloads), with its attributes. */
function referenced() {
  return [...html.matchAll(/<(?:script|link)\s([^>]*)>/g)]
    .map(([, attrs]) => ({ file: /(?:src|href)="\/(assets\/[^"]+)"/.exec(attrs!)?.[1], attrs: attrs! }))
    .filter((ref): ref is { file: string, attrs: string } => !!ref.file)
}

beforeAll(async () => {
  const result = await build({ root: WEB_DIR, logLevel: 'silent', build: { write: false, emptyOutDir: false } })
  output = (Array.isArray(result) ? result[0]! : result as Rolldown.RolldownOutput).output
  const page = output.find(item => item.fileName === 'index.html')
  html = page?.type === 'asset' ? String(page.source) : ''
}, 120_000)

describe('the first screen as built', () => {
  it('is a handful of files, not one per shared module: at most six, the connections HTTP/1.1 gives a host', () => {
    const files = referenced().map(ref => ref.file)
    expect(files.length).toBeGreaterThan(3)
    expect(files.length).toBeLessThanOrEqual(6)
  })

  it('styles the skeleton with the HTML itself: the entry\'s stylesheet is inline, not a request', () => {
    expect(html).toMatch(/<style>[^<]*\.skeleton-head\{/)
    expect(referenced().some(ref => /rel="stylesheet"/.test(ref.attrs))).toBe(false)
  })

  it('never asks for the inline styles again: no stylesheet file holds them, and every stylesheet a chunk loads exists', () => {
    const inline = inlineStyles().trim()
    expect(inline).toMatch(/\.skeleton-head\{/)
    const stylesheets = output.filter((item): item is Asset => item.type === 'asset' && item.fileName.endsWith('.css'))
    expect(stylesheets.filter(sheet => String(sheet.source).trim() === inline).map(sheet => sheet.fileName)).toEqual([])
    // What a dynamic import makes the preload helper append as <link rel="stylesheet"> before the chunk runs.
    const named = new Set(chunks().flatMap(chunk => [...chunk.code.matchAll(/assets\/[\w-]+\.css/g)].map(([file]) => file)))
    expect(named.size).toBeGreaterThan(0)
    for (const file of named)
      expect(stylesheets.map(sheet => sheet.fileName)).toContain(file)
  })

  it('shines the skeleton on the compositor, and only after a moment: its keyframes move a transform, nothing that repaints', () => {
    const css = inlineStyles()
    const shine = /@keyframes shine\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/.exec(css)![1]!
    expect(shine).toMatch(/transform:/)
    expect(shine).not.toMatch(/background|width|height|left|top|margin/)
    const animated = /\.bone:after\{[^}]*animation:([^;}]*)/.exec(css)![1]!
    expect(animated).toMatch(/shine/)
    expect(animated).toMatch(/(?:^|\s)\.5s|500ms/)
    expect(css).not.toMatch(/\.bone\{[^}]*animation/)
  })

  it('runs its entry before the HTTP client, Vue or the JS-SDK arrive: the entry imports none of them', () => {
    const entry = chunks().find(chunk => chunk.isEntry)!
    const staticClosure = new Set<string>()
    const visit = (file: string) => {
      if (staticClosure.has(file))
        return
      staticClosure.add(file)
      chunks().find(chunk => chunk.fileName === file)?.imports.forEach(visit)
    }
    visit(entry.fileName)
    const modules = chunks().filter(chunk => staticClosure.has(chunk.fileName)).flatMap(chunk => chunk.moduleIds)
    expect(modules.some(id => id.includes('/src/opening.ts'))).toBe(true)
    for (const heavy of ['/node_modules/up-fetch/', '/node_modules/@vue/runtime-core/', '/node_modules/@wecom/jssdk/'])
      expect(modules.filter(id => id.includes(heavy))).toEqual([])
  })

  it('preloads what the context request needs first, in one chunk, and Vue and the form after it at low priority', () => {
    const opening = chunkWith('/node_modules/@wecom/jssdk/')!
    expect(chunkWith('/node_modules/up-fetch/')).toBe(opening)
    expect(chunkWith('/src/api/endpoints.ts')).toBe(opening)
    expect(opening.moduleIds.some(id => id.includes('/node_modules/@vue/'))).toBe(false)

    const form = chunkWith('/src/pages/FollowUpPage.vue')!
    expect(chunkWith('/node_modules/@vue/runtime-core/')).toBe(form)
    expect(chunkWith('/src/app.ts')).toBe(form)

    const refs = referenced()
    const openingRef = refs.findIndex(ref => ref.file === opening.fileName)
    const formRef = refs.findIndex(ref => ref.file === form.fileName)
    expect(openingRef).toBeGreaterThan(-1)
    expect(refs[openingRef]!.attrs).not.toContain('fetchpriority')
    expect(formRef).toBeGreaterThan(openingRef)
    expect(refs[formRef]!.attrs).toContain('fetchpriority="low"')
  })

  it('leaves what the first frame does not show to later: schemas, pickers, uploads, text fields, the form below the fold, what 提交 runs, other pages', () => {
    const firstScreen = new Set(referenced().map(ref => ref.file))
    const later = [
      '/node_modules/zod/',
      '/src/api/schemas.ts',
      '/node_modules/vant/es/date-picker/',
      '/node_modules/vant/es/uploader/',
      '/node_modules/vant/es/field/',
      '/src/pages/GroupPage.vue',
      '/src/components/follow-up/FollowUpModuleAttachment.vue',
      '/src/components/follow-up/FollowUpModuleText.vue',
      '/src/components/follow-up/FollowUpModuleLocation.vue',
      '/src/components/follow-up/FollowUpFormRest.vue',
      '/src/follow-up/submitFlow.ts',
      '/src/api/sendWithProgress.ts',
    ]
    for (const lazy of later) {
      const chunk = chunkWith(lazy)
      expect(chunk, lazy).toBeDefined()
      expect(firstScreen.has(chunk!.fileName), lazy).toBe(false)
    }
  })

  it('puts what most forms show below the first question in one file of its own, not a dozen small ones', () => {
    const parts = chunkWith('/src/components/follow-up/FollowUpFormRest.vue')!
    expect(chunkWith('/src/components/follow-up/FollowUpModuleText.vue')).toBe(parts)
    expect(chunkWith('/src/components/follow-up/FollowUpModuleLocation.vue')).toBe(parts)
    expect(chunkWith('/node_modules/vant/es/field/')).toBe(parts)
    expect(parts.fileName).toMatch(/^assets\/form-parts-/)
    expect(referenced().map(ref => ref.file)).not.toContain(parts.fileName)
  })

  it('carries the icon box but not the icon font or its glyph names, which arrive together after the first screen', () => {
    const css = (file: string) => {
      const asset = output.find(item => item.fileName === file)
      return asset?.type === 'asset' ? String(asset.source) : ''
    }
    const firstScreenCss = referenced().filter(ref => ref.file.endsWith('.css')).map(ref => css(ref.file)).join('')
    expect(firstScreenCss).toContain('.van-icon{')
    expect(firstScreenCss).not.toContain('@font-face')
    expect(firstScreenCss).not.toMatch(/\.van-icon-[\w-]+:before/)
    const later = output.find(item => item.type === 'asset' && item.fileName.endsWith('.css') && /vant-icon-font/.test(item.fileName))
    const lazyCss = later ? css(later.fileName) : ''
    expect(lazyCss).toContain('@font-face')
    expect(lazyCss).toContain('.van-icon-arrow:before')
    expect(lazyCss).not.toContain('//at.alicdn.com')
  })

  it('asks V8 to compile what every opening runs as it arrives (the hint on each file\'s first line), and leaves lazy chunks lazy', () => {
    const hinted = (chunk: Chunk) => chunk.code.startsWith(`${ALL_FUNCTIONS_CALLED_ON_LOAD}\n`)
    const eager = [chunks().find(chunk => chunk.isEntry)!, chunkWith('/node_modules/@wecom/jssdk/')!, chunkWith('/src/pages/FollowUpPage.vue')!, chunkWith('/src/components/follow-up/FollowUpFormRest.vue')!]
    for (const chunk of eager) {
      expect(hinted(chunk), chunk.fileName).toBe(true)
      expect(chunk.code.split(ALL_FUNCTIONS_CALLED_ON_LOAD)).toHaveLength(2)
    }
    for (const lazy of ['/src/api/schemas.ts', '/node_modules/vant/es/date-picker/', '/src/pages/GroupPage.vue', '/src/follow-up/submitFlow.ts']) {
      const chunk = chunkWith(lazy)!
      expect(chunk.code.includes(ALL_FUNCTIONS_CALLED_ON_LOAD), lazy).toBe(false)
    }
  })

  it('comes with brotli and gzip copies of each file, so the server sends them compressed at the highest level', () => {
    const source = (fileName: string) => {
      const item = output.find(i => i.fileName === fileName)
      return item?.type === 'chunk' ? Buffer.from(item.code) : item?.type === 'asset' ? Buffer.from(item.source) : undefined
    }
    const parts = chunkWith('/src/components/follow-up/FollowUpFormRest.vue')!.fileName
    const files = [...referenced().map(ref => ref.file), parts]
    expect(files.length).toBeGreaterThan(4)
    for (const file of files) {
      const plain = source(file)!
      const br = source(`${file}.br`)
      const gz = source(`${file}.gz`)
      if (plain.length < 512) {
        expect(br, file).toBeUndefined()
        continue
      }
      expect(brotliDecompressSync(br!).equals(plain), file).toBe(true)
      expect(gunzipSync(gz!).equals(plain), file).toBe(true)
      expect(br!.length, file).toBeLessThan(gz!.length)
    }
  })
})
