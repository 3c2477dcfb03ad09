// The README's Layout lists every folder git tracks (and no folder that is gone): one line each, path first.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const section = readme.split('\n## Layout')[1]?.split('\n## ')[0] ?? ''
const block = section.split('```')[1] ?? ''
const listed = new Set(block.split('\n').map(line => line.split(/\s/)[0]).filter(path => path?.endsWith('/')).map(path => path === './' ? '.' : path.slice(0, -1)))
const tracked = new Set(execFileSync('git', ['ls-files'], { encoding: 'utf8', cwd: new URL('..', import.meta.url) }).split('\n').filter(Boolean).map(file => dirname(file)))
const missing = [...tracked].filter(dir => !listed.has(dir)).sort()
const gone = [...listed].filter(dir => !tracked.has(dir)).sort()
for (const dir of missing)
  console.error(`README Layout does not list ${dir}/`)
for (const dir of gone)
  console.error(`README Layout lists ${dir}/, which git does not track`)
if (missing.length || gone.length)
  process.exit(1)
console.warn(`README Layout lists all ${tracked.size} folders`)
