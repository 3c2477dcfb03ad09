// `pnpm bench [--quick]`: measures opening, weight, server throughput and start-up against the budgets of issue 16,
// prints tables and writes bench/results.json. Exits 0 when a budget is missed (it reports); non-zero only when the
// bench itself breaks. --quick: one run and a few seconds per measurement, for CI.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startSandboxModeServer } from './app-server'
import { checkBudgets } from './budgets'
import { profileEndpoint } from './cpu-profile'
import { measureModules } from './modules'
import { measureOpening } from './opening'
import { REPO_DIR, RESULTS_FILE } from './paths'
import { budgetsTable, cpuTable, modulesTable, openingTable, serverTable, startupTable, visitBreakdown, weightTable } from './report'
import { measureServerLoad } from './server-load'
import { measureStartup } from './startup'
import { median } from './stats'
import { initialFiles, weightSet } from './weight'

const USAGE = `pnpm bench [--quick]
  measures the opening, the first screen's weight, the server under load and its start-up against the budgets of
  issue 16; prints tables and writes bench/results.json (about 2 minutes; loopback only)
  --quick   one run and a few seconds per measurement (CI)
  --help    this text`
let quick = false
try {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  quick = values.quick === true
}
catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`)
  process.exit(2)
}
const plan = quick
  ? { openingRuns: 1, startupRuns: 1, loadSeconds: 2, loadRounds: 2, warmSeconds: 0.5, profileSeconds: 1 }
  : { openingRuns: 5, startupRuns: 5, loadSeconds: 8, loadRounds: 4, warmSeconds: 2, profileSeconds: 4 }
const began = performance.now()
const say = (text: string) => console.log(`\n${text}`)
const step = (text: string) => console.error(`› ${text} (${((performance.now() - began) / 1000).toFixed(0)} s)`)

step('building the page and the server (pnpm build)')
execFileSync('pnpm', ['--filter', '@app/web', 'build'], { cwd: REPO_DIR, stdio: ['ignore', 'ignore', 'inherit'] })
execFileSync('pnpm', ['--filter', '@app/server', 'build'], { cwd: REPO_DIR, stdio: ['ignore', 'ignore', 'inherit'] })

step('weight: initial JS and CSS, and a sourcemap build for the largest modules')
const initial = weightSet(initialFiles())
const modules = measureModules()

step(`start-up: ${plan.startupRuns} run(s)`)
const startup = await measureStartup(plan.startupRuns)

step(`opening: ${plan.openingRuns} cold and warm visit(s) in Chromium`)
const app = await startSandboxModeServer()
const opening = await measureOpening(app.url, plan.openingRuns).finally(() => app.stop())
const firstCold = opening.cold[0]!
const requestedFirst = weightSet(firstCold.timings.resources
  .filter(r => r.startTime < firstCold.readyMs && /^\/assets\/.+\.(?:js|css)$/.test(r.name))
  .map(r => r.name.slice(1)))

step(`server: ours, the Express floor and bare node:http, ${plan.loadSeconds} s each in ${plan.loadRounds} interleaved slice(s)`)
const server = await measureServerLoad(plan.loadSeconds, plan.warmSeconds, plan.loadRounds)

step('server: CPU profile of ours under load, per endpoint (for the breakdown)')
const profiles = [await profileEndpoint('follow-ups', plan.profileSeconds), await profileEndpoint('jssdk', plan.profileSeconds)]

const budgets = checkBudgets({ opening, initial, server, startup })
const initialSet = new Set(initial.files.map(f => f.file))
const byReady = (visits: typeof opening.cold) => visits.find(v => v.readyMs === median(visits.map(x => x.readyMs))) ?? visits[0]!

say(openingTable(opening))
say(visitBreakdown('Cold visit (median run), where the time goes', byReady(opening.cold), initialSet))
say(visitBreakdown('Warm visit (median run), where the time goes', byReady(opening.warm), initialSet))
say(weightTable('Initial JS and CSS (index.html, its modulepreloads and the entry\'s static imports)', initial))
say(weightTable('JS and CSS requested before the first screen was usable (cold run 1, from the browser\'s network log)', requestedFirst))
say(modulesTable(modules))
say(serverTable(server))
profiles.forEach(profile => say(cpuTable(profile)))
say(startupTable(startup))
say(budgetsTable(budgets))

writeFileSync(RESULTS_FILE, `${JSON.stringify({
  at: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  node: process.version,
  budgets,
  opening,
  weight: { initial, requestedBeforeUsable: requestedFirst, modules: { ...modules, modules: modules.modules.slice(0, 50) } },
  server,
  serverCpuProfiles: profiles,
  startup,
}, null, 2)}\n`)
const missed = budgets.filter(b => !b.met).length
say(`${budgets.length - missed} of ${budgets.length} budgets met; results in bench/results.json (${((performance.now() - began) / 1000).toFixed(0)} s)`)
process.exit(0)
