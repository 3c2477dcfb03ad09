import type { Plugin } from 'vite'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const VIRTUAL = 'virtual:vant-icon-font.css'
const RESOLVED = `\0${VIRTUAL}`
const FONT_FACE = /@font-face\s*\{[^}]*vant-icon[^}]*\}/

/**
 * Vant's icon CSS embeds a ~34 KB base64 font and falls back to a CDN URL. The font is not needed for the first
 * screen, so it is cut out of the icon CSS and served as its own lazily imported stylesheet, without the CDN URL.
 */
export function lazyVantIconFont(): Plugin {
  return {
    name: 'app:lazy-vant-icon-font',
    enforce: 'pre',
    resolveId: id => (id === VIRTUAL ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED)
        return null
      const css = readFileSync(createRequire(import.meta.url).resolve('vant/es/icon/index.css'), 'utf8')
      const fontFace = css.match(FONT_FACE)?.[0] ?? ''
      return fontFace.replace(/,\s*url\(\/\/[^)]*\)\s*format\([^)]*\)/g, '')
    },
    transform(code, id) {
      if (id.replace(/\?.*$/, '').endsWith('/vant/es/icon/index.css'))
        return { code: code.replace(FONT_FACE, ''), map: null }
      return null
    },
  }
}
