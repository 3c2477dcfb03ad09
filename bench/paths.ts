import { fileURLToPath } from 'node:url'

export const REPO_DIR = fileURLToPath(new URL('..', import.meta.url))
export const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url))
export const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url))
export const WEB_DIST_DIR = fileURLToPath(new URL('../web/dist/', import.meta.url))
/** The built server (`pnpm --filter @app/server build`), what production runs. */
export const SERVER_ENTRY = fileURLToPath(new URL('../server/dist/index.js', import.meta.url))
export const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url))
