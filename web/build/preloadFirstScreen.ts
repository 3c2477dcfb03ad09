import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite'

/**
 * The first screen needs lazily imported chunks (the WeCom platform, the HTTP client, the app and the form). Left to
 * the entry, they are requested only after it has run; preload tags in the page start them together with the entry.
 *
 * `opening` is what the customer's context request waits for; `rest` (Vue, the app, the form, their styles) is
 * preloaded at low priority, so on a phone network the opening's files and then the context request itself go first
 * instead of queueing behind them (HTTP/1.1 gives a host six connections, served by priority).
 */
export function preloadFirstScreen({ opening, rest }: { opening: string[], rest: string[] }): Plugin {
  return {
    name: 'app:preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle)
          return []
        const scripts = new Map<string, boolean>()
        const styles = new Map<string, boolean>()
        let low = false
        const visit = (chunk: Rollup.OutputChunk) => {
          if (scripts.has(chunk.fileName))
            return
          scripts.set(chunk.fileName, low)
          chunk.viteMetadata?.importedCss.forEach(file => styles.has(file) || styles.set(file, low))
          for (const file of chunk.imports) {
            const imported = bundle[file]
            if (imported?.type === 'chunk')
              visit(imported)
          }
        }
        // In the order given: the first module's chunks are requested first.
        const chunks = Object.values(bundle).filter((item): item is Rollup.OutputChunk => item.type === 'chunk')
        const preload = (modules: string[]) => modules.forEach(module => chunks.filter(chunk => chunk.moduleIds.some(id => id.endsWith(module))).forEach(visit))
        preload(opening)
        low = true
        preload(rest)
        const already = (file: string) => html.includes(`/${file}"`)
        const tag = (attrs: HtmlTagDescriptor['attrs'], isLow: boolean): HtmlTagDescriptor => ({ tag: 'link', attrs: { ...attrs, ...(isLow && { fetchpriority: 'low' }) }, injectTo: 'head' })
        return [
          ...[...scripts].filter(([file]) => !already(file)).map(([file, isLow]) => tag({ rel: 'modulepreload', crossorigin: true, href: `/${file}` }, isLow)),
          ...[...styles].filter(([file]) => !already(file)).map(([file, isLow]) => tag({ rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` }, isLow)),
        ]
      },
    },
  }
}
