import type { Rolldown } from 'vite'

type Groups = NonNullable<Exclude<NonNullable<Rolldown.OutputOptions['codeSplitting']>, boolean>['groups']>
type ModuleInfoOf = (id: string) => { importedIds: readonly string[] } | null

const VANT_INDEX = /[\\/]vant[\\/]es[\\/]index\.mjs$/
const VANT_STYLE = /[\\/]vant[\\/]es[\\/]([a-z-]+)[\\/]style[\\/]index\.mjs$/

/** The chunks below, by name: what every opening runs besides the entry. */
export const FIRST_SCREEN_CHUNK_NAMES = ['opening', 'first-screen', 'form-parts'] as const
const [OPENING, FIRST_SCREEN, FORM_PARTS] = FIRST_SCREEN_CHUNK_NAMES

/**
 * The first screen in three files instead of thirty. Left to itself the bundler cuts it into many small shared chunks
 * (one per set of importers): on a phone network each costs a round trip, and HTTP/1.1 gives a host six connections,
 * so thirty files are five rounds of latency. Here every module that `opening` or `app` imports statically (and the
 * entry does not) goes into one of two chunks:
 * - `opening`: what the customer's context request needs (the WeCom platform, the HTTP client), preloaded first;
 * - `first-screen`: Vue, the stores, the form and the Vant components it shows at once, with one stylesheet;
 * - `form-parts`: what most forms show below the first question (`parts`, asked for as soon as the app runs), with
 *   what they import that the first screen does not have, in one file rather than a dozen small ones.
 * Other lazily imported modules (pickers, uploads, schemas, other pages) keep their own chunks.
 */
export function firstScreenChunks({ entry, opening, app, parts = [] }: { entry: string[], opening: string[], app: string[], parts?: string[] }): Groups {
  let membership: Map<string, string> | undefined

  const closure = (roots: string[], moduleInfo: ModuleInfoOf, all: string[], skip: Set<string>) => {
    const found = new Set<string>()
    const visit = (id: string) => {
      if (found.has(id) || skip.has(id))
        return
      // Components come through Vant's index (the auto-import resolver's `from: 'vant/es'`), which names every Vant
      // module: only the components whose styles are imported beside them are followed.
      if (VANT_INDEX.test(id))
        return
      found.add(id)
      moduleInfo(id)?.importedIds.forEach(visit)
      const component = VANT_STYLE.exec(id)
      if (component)
        all.filter(other => other.endsWith(`/vant/es/${component[1]}/index.mjs`)).forEach(visit)
    }
    roots.forEach(root => all.filter(id => id.endsWith(root)).forEach(visit))
    return found
  }

  const membershipOf = (moduleInfo: ModuleInfoOf, all: string[]) => {
    const byEntry = closure(entry, moduleInfo, all, new Set())
    const forOpening = closure(opening, moduleInfo, all, byEntry)
    const forApp = closure(app, moduleInfo, all, new Set([...byEntry, ...forOpening]))
    const forParts = closure(parts, moduleInfo, all, new Set([...byEntry, ...forOpening, ...forApp]))
    return new Map([
      ...[...forOpening].map(id => [id, OPENING] as const),
      ...[...forApp].map(id => [id, FIRST_SCREEN] as const),
      ...[...forParts].map(id => [id, FORM_PARTS] as const),
    ])
  }

  const seen: string[] = []
  return [{
    debugName: 'first screen',
    // The entry's own modules stay in the entry (captured dependencies would otherwise follow their importers here).
    includeDependenciesRecursively: false,
    test: (id) => {
      seen.push(id)
      return true
    },
    name: (id, ctx) => {
      membership ??= membershipOf(moduleId => ctx.getModuleInfo(moduleId), seen)
      return membership.get(id) ?? null
    },
  }]
}
