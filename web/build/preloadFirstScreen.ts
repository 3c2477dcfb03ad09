import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite'

/**
 * The first screen needs two lazily imported chunks (the WeCom platform and the form). Left to the entry, they are
 * requested only after it has run; preload tags in the page start them together with the entry instead.
 */
export function preloadFirstScreen(modules: string[]): Plugin {
  return {
    name: 'app:preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle)
          return []
        const scripts = new Set<string>()
        const styles = new Set<string>()
        const visit = (chunk: Rollup.OutputChunk) => {
          if (scripts.has(chunk.fileName))
            return
          scripts.add(chunk.fileName)
          chunk.viteMetadata?.importedCss.forEach(file => styles.add(file))
          for (const file of chunk.imports) {
            const imported = bundle[file]
            if (imported?.type === 'chunk')
              visit(imported)
          }
        }
        // In the order given: the first module's chunks are requested first.
        const chunks = Object.values(bundle).filter((item): item is Rollup.OutputChunk => item.type === 'chunk')
        for (const module of modules)
          chunks.filter(chunk => chunk.facadeModuleId?.endsWith(module)).forEach(visit)
        const already = (file: string) => html.includes(`/${file}"`)
        const tag = (attrs: HtmlTagDescriptor['attrs']): HtmlTagDescriptor => ({ tag: 'link', attrs, injectTo: 'head' })
        return [
          ...[...scripts].filter(file => !already(file)).map(file => tag({ rel: 'modulepreload', crossorigin: true, href: `/${file}` })),
          ...[...styles].filter(file => !already(file)).map(file => tag({ rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` })),
        ]
      },
    },
  }
}
