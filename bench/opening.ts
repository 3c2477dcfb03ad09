import type { Browser, BrowserContext, Page } from '@playwright/test'
import type { PageTimings } from './readiness-probe'
import type { RoundTrips } from './round-trips'
import { CHROMIUM, PHONE } from '@app/web/e2e/phone'
import { openSignedIn } from '@app/web/e2e/session'
import { installWecomBridge, WECOM_USER_AGENT } from '@app/web/e2e/wecom-bridge'
import { chromium } from '@playwright/test'
import { readinessProbe, readTimings } from './readiness-probe'
import { apiRoundTrips } from './round-trips'
import { median, round } from './stats'

export const PROFILE = { cpuSlowdown: 4, latencyMs: 150, downloadKbps: 1600, uploadKbps: 750 }
// The benchmark's sandbox runs on ports of its own: the bridge accepts any well-formed signature.
const CUSTOMER = { entry: 'single_chat_tools', externalUserId: 'wmDemoChenJing01', location: { latitude: 30.2741, longitude: 120.1551 }, verifySignatures: false }

export interface Visit { readyMs: number, domReadyMs: number, api: RoundTrips, timings: PageTimings }
export interface OpeningResult {
  runs: number
  cold: Visit[]
  warm: Visit[]
  /** Information, not a budget: the visit after the warm one, in the same tab (its renderer already warm). */
  sameTab: Visit[]
  coldMedianMs: number
  warmMedianMs: number
  sameTabMedianMs: number
  maxApiRequests: number
  maxApiSequential: number
}

interface Tab { page: Page, nextReady: () => Promise<void> }

/** A new page of the context on the slow phone profile, with the bridge and the probe; cold clears the HTTP cache first. */
async function openTab(context: BrowserContext, cold: boolean): Promise<Tab> {
  const page = await context.newPage()
  await installWecomBridge(page, CUSTOMER)
  await page.addInitScript(readinessProbe)
  let reportReady: (() => void) | undefined
  await page.exposeFunction('__benchReadyReport', () => reportReady?.())
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  if (cold)
    await cdp.send('Network.clearBrowserCache')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latencyMs,
    downloadThroughput: (PROFILE.downloadKbps * 1000) / 8,
    uploadThroughput: (PROFILE.uploadKbps * 1000) / 8,
  })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown })
  return { page, nextReady: () => new Promise<void>(resolve => (reportReady = resolve)) }
}

/** One navigation of the tab to `/`, measured to the form's first usable frame. */
async function measureVisit(tab: Tab): Promise<Visit> {
  const reported = tab.nextReady()
  await tab.page.goto('/', { waitUntil: 'commit' })
  let timer: ReturnType<typeof setTimeout> | undefined
  await Promise.race([reported, new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('the form was not usable within 30 s')), 30_000)
  })]).finally(() => clearTimeout(timer))
  const timings = await tab.page.evaluate(readTimings)
  // Let what the first screen started (lazy chunks, the icon font) land in the cache before the next visit.
  await tab.page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {})
  const readyMs = timings.ready.frameMs ?? timings.ready.domMs
  return { readyMs: round(readyMs, 0), domReadyMs: round(timings.ready.domMs, 0), api: apiRoundTrips(timings.resources, readyMs), timings }
}

/**
 * The cold visit (a new page, HTTP cache cleared), the warm one (a new page: a new renderer process), and, for
 * information, a third visit in the warm visit's tab, whose renderer has already run and laid out the page.
 */
async function visits(context: BrowserContext): Promise<{ cold: Visit, warm: Visit, sameTab: Visit }> {
  const coldTab = await openTab(context, true)
  const cold = await measureVisit(coldTab).finally(() => coldTab.page.close())
  const tab = await openTab(context, false)
  try {
    const warm = await measureVisit(tab)
    return { cold, warm, sameTab: await measureVisit(tab) }
  }
  finally {
    await tab.page.close()
  }
}

async function newSignedInContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    ...PHONE,
    userAgent: WECOM_USER_AGENT,
  })
  // tsx compiles with esbuild's keepNames: functions handed to the page (the bridge, the probe) call __name().
  await context.addInitScript('globalThis.__name ??= fn => fn')
  const page = await context.newPage()
  await installWecomBridge(page, CUSTOMER)
  await openSignedIn(page, '/')
  await page.getByTestId('customer-name').waitFor({ timeout: 30_000 })
  await page.close()
  return context
}

/** Cold and warm openings (and the same-tab visit, for information), each run in a fresh signed-in context. */
export async function measureOpening(baseURL: string, runs: number): Promise<OpeningResult> {
  const browser = await chromium.launch(CHROMIUM)
  const cold: Visit[] = []
  const warm: Visit[] = []
  const sameTab: Visit[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const context = await newSignedInContext(browser, baseURL)
      const run = await visits(context)
      cold.push(run.cold)
      warm.push(run.warm)
      sameTab.push(run.sameTab)
      await context.close()
    }
  }
  finally {
    await browser.close()
  }
  const all = [...cold, ...warm]
  return {
    runs,
    cold,
    warm,
    sameTab,
    coldMedianMs: median(cold.map(v => v.readyMs)),
    warmMedianMs: median(warm.map(v => v.readyMs)),
    sameTabMedianMs: median(sameTab.map(v => v.readyMs)),
    maxApiRequests: Math.max(...all.map(v => v.api.requests.length)),
    maxApiSequential: Math.max(...all.map(v => v.api.sequential)),
  }
}
