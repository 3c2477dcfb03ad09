import type { Plugin } from 'vite'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const VIRTUAL = 'virtual:vant-icon-font.css'
const RESOLVED = `\0${VIRTUAL}`
const FONT_FACE = /@font-face\s*\{[^}]*vant-icon[^}]*\}/
/** `.van-icon-arrow:before{content:"\e6xx"}`: one per glyph of the font, useless before the font has arrived. */
const GLYPHS = /\.van-icon-[\w-]+:before\s*\{\s*content:\s*"[^"]*"\s*\}/g

/**
 * Vant's icon CSS embeds a ~34 KB base64 font (with a CDN URL as fallback) and names every glyph of it (~18 KB). Neither
 * is needed for the first screen: both are cut out of the icon CSS and served as one lazily imported stylesheet,
 * without the CDN URL. Icons show when the font has arrived, as before (a glyph cannot show without it); the icon's box
 * (`.van-icon`) stays in the first screen's CSS.
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
      const fontFace = (css.match(FONT_FACE)?.[0] ?? '').replace(/,\s*url\(\/\/[^)]*\)\s*format\([^)]*\)/g, '')
      return `${fontFace}\n${(css.match(GLYPHS) ?? []).join('')}`
    },
    transform(code, id) {
      if (id.replace(/\?.*$/, '').endsWith('/vant/es/icon/index.css'))
        return { code: code.replace(FONT_FACE, '').replace(GLYPHS, ''), map: null }
      return null
    },
  }
}
