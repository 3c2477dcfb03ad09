// Reports the gzip size of what the first screen loads (the entry and its static imports) and fails over budget.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 90
const dist = new URL('../dist/', import.meta.url).pathname
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'))
const gz = file => gzipSync(readFileSync(join(dist, file))).length / 1024

const initial = new Set()
function walk(key) {
  const chunk = manifest[key]
  if (!chunk || initial.has(chunk.file))
    return
  initial.add(chunk.file)
  chunk.css?.forEach(css => initial.add(css))
  chunk.imports?.forEach(walk)
}
walk('index.html')

const all = new Set(Object.values(manifest).flatMap(c => [c.file, ...(c.css ?? [])]))
const row = (file, kb) => `${kb.toFixed(2).padStart(8)} KB  ${file}`
let total = 0
console.log('initial (entry + static imports), gzip:')
for (const file of initial) {
  const kb = gz(file)
  total += kb
  console.log(row(file, kb))
}
console.log(`${row('TOTAL initial JS+CSS', total)}  (budget ${BUDGET_KB} KB)`)
console.log('lazy chunks, gzip:')
for (const file of [...all].filter(f => !initial.has(f)).sort())
  console.log(row(file, gz(file)))
if (total > BUDGET_KB) {
  console.error(`initial bundle ${total.toFixed(2)} KB is over the ${BUDGET_KB} KB budget`)
  process.exit(1)
}
