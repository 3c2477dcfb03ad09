// Builds the server once into dist/ (one ESM file plus the sandbox's demo templates), so production runs plain
// JavaScript and never compiles TypeScript at start-up. The workspace's @app/shared ships TypeScript source, so it is
// bundled in; every npm dependency stays external and is loaded from node_modules as usual.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { build } from 'esbuild'

const serverDir = new URL('..', import.meta.url)
const manifest = JSON.parse(readFileSync(new URL('package.json', serverDir), 'utf8'))
const external = Object.keys(manifest.dependencies).filter(name => !name.startsWith('@app/'))
const dist = new URL('dist/', serverDir)

rmSync(dist, { recursive: true, force: true })
await build({
  entryPoints: [new URL('src/index.ts', serverDir).pathname],
  outfile: new URL('index.js', dist).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  sourcemap: true,
  logLevel: 'warning',
})
// The sandbox's data files (demo templates, business lines) are found where config.ts names them (`./sandbox/`),
// which in the bundle is beside dist/index.js.
mkdirSync(new URL('sandbox/', dist), { recursive: true })
const sandboxDir = new URL('src/sandbox/', serverDir)
for (const file of readdirSync(sandboxDir).filter(name => name.endsWith('.json')))
  copyFileSync(new URL(file, sandboxDir), new URL(`sandbox/${file}`, dist))
