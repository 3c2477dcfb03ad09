import type { Plugin } from 'vite'

/**
 * The entry's own stylesheet (the skeleton's and the page's global styles, under 2 KB) goes into index.html as a
 * `<style>` element: the skeleton is styled with the HTML itself, and the first screen needs one request less (HTTP/1.1
 * gives a host six connections; a seventh file waited for one).
 */
export function inlineEntryCss(): Plugin {
  return {
    name: 'app:inline-entry-css',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html']
        if (page?.type !== 'asset')
          return
        let html = String(page.source)
        for (const [tag, file] of html.matchAll(/<link rel="stylesheet" crossorigin href="\/(assets\/index-[^"]+\.css)">/g)) {
          const css = bundle[file!]
          if (css?.type === 'asset')
            html = html.replace(tag, () => `<style>${String(css.source)}</style>`)
        }
        page.source = html
      },
    },
  }
}
