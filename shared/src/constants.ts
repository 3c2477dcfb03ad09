// The contract's constants without its schemas (`@app/shared/constants`): what the page's first screen needs, with no
// zod in it. The schemas import them from here too, so there is one definition.
export { acceptsFileName, describeAccept, fileExtension, mimeTypeOf } from './file-types'
export { DEFAULT_RESULTS, LIMITS } from './limits'
export { moduleConstraints, moduleControl } from './module-constraints'
export type { ModuleConstraints, ModuleControl } from './module-constraints'
export { moduleKind } from './module-rule'
export type { ModuleKind } from './module-rule'
export { nextTimeProblems } from './next-time-rule'
