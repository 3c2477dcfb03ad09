import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { sandbox } from './support/sandbox'
import { saveScreen } from './support/screens'
import { openSignedIn } from './support/session'
import { installWecomBridge } from './support/wecom-bridge'

test.beforeEach(async () => {
  await sandbox.reset()
})

const CHEN_JING = '/?customer=wmDemoChenJing01'
const WINDOWS_WECOM = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 wxwork/4.1.30 MicroMessenger/7.0.1 WindowsWechat'
const PC_SIDEBAR = { viewport: { width: 360, height: 640 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1, userAgent: WINDOWS_WECOM }

/** Neither the bottom bar nor the viewport edge hides any part of the element. */
async function fullyUsable(page: Page, testId: string, inner = '') {
  const box = (await page.locator(`[data-testid="${testId}"] ${inner}`.trim()).first().boundingBox())!
  const bar = await page.getByTestId('submit-bar').boundingBox()
  const viewport = page.viewportSize()!
  expect(box.y).toBeGreaterThanOrEqual(0)
  expect(box.y + box.height).toBeLessThanOrEqual(bar && (await page.getByTestId('submit-bar').isVisible()) ? bar.y : viewport.height)
}

/** open → tap an option → tap the text field and type one sentence → tap submit, counting taps and scrolling. */
async function fastestLog(page: Page, screen: string) {
  await expect(page.getByTestId('module-20-option-21')).toBeVisible()
  await fullyUsable(page, 'module-20-option-21')
  await fullyUsable(page, 'module-21-input', 'textarea')
  await saveScreen(page, screen)
  let taps = 0
  await page.getByTestId('module-20-option-21').click()
  taps++
  await page.locator('[data-testid="module-21-input"] textarea').click()
  taps++
  await page.keyboard.type('客户想下周看演示')
  await page.getByTestId('submit').click()
  taps++
  await expect(page.getByTestId('success')).toBeVisible()
  expect(await page.evaluate(() => window.scrollY)).toBe(0)
  expect(taps).toBe(3)
  const sent = (await sandbox.records()).addFollows
  expect(sent).toHaveLength(1)
  expect(sent[0].detailList.find((m: any) => m.moduleId === 21).detail[0].content).toBe('客户想下周看演示')
}

test('12. phone 375x667: the fastest log is three taps and no scrolling, the opportunity folded to one line', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await expect(page.getByTestId('opportunity-compact')).toContainText('云帆科技 SCRM 系统采购')
  await expect(page.getByTestId('opportunity-compact')).toContainText('需求确认')
  await fastestLog(page, 'i10-12-first-screen-phone')
})

test('the skeleton\'s font stack is the form\'s: Vant\'s stylesheet does not swap body\'s font for its Latin-first list', async ({ page }) => {
  let release!: () => void
  const skeletonRead = new Promise<void>(resolve => (release = resolve))
  await page.route('**/assets/*.css', async (route) => {
    // Held back until the skeleton has been read: its font is the page's own, before any app stylesheet applies.
    await skeletonRead
    await route.continue()
  })
  const bodyFont = () => page.evaluate(() => getComputedStyle(document.body).fontFamily)
  const opened = openSignedIn(page, CHEN_JING)
  await expect(page.getByTestId('skeleton')).toBeVisible()
  const skeletonFont = await bodyFont()
  release()
  await opened
  await expect(page.getByTestId('customer-name')).toBeVisible()
  expect(skeletonFont).toContain('PingFang SC')
  expect(await bodyFont()).toBe(skeletonFont)
  for (const selector of ['[data-testid="customer-name"]', '[data-testid="module-21-input"] textarea', '[data-testid="submit"]'])
    expect(await page.locator(selector).first().evaluate(element => getComputedStyle(element).fontFamily)).toBe(skeletonFont)
})

test('the form is drawn in one font: no character of it falls back to another font', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await expect(page.getByTestId('submit')).toBeEnabled()
  await page.waitForLoadState('networkidle') // the icon font too, which is left out below
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  // A sweep that meets a node the page has just replaced (the context refresh re-renders) is taken again.
  await expect(async () => {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
    // Vant's icons are glyphs of its icon font by design (it arrives after the first screen).
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '#app *:not(.van-icon)' })
    const used = new Map<string, string[]>()
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId })
      for (const font of fonts)
        used.set(font.familyName, [...(used.get(font.familyName) ?? []), outerHTML.slice(0, 80)])
    }
    expect(nodeIds.length).toBeGreaterThan(50)
    // The stack's first installed family draws everything (Noto Sans CJK SC on the test machines).
    expect([...used.keys()], JSON.stringify(Object.fromEntries([...used].map(([family, nodes]) => [family, nodes.slice(0, 3)])))).toHaveLength(1)
  }).toPass({ timeout: 15_000 })
})

test.describe('PC sidebar 360x640, mouse and keyboard', () => {
  test.use(PC_SIDEBAR)

  test.beforeEach(async ({ page }) => {
    await installWecomBridge(page, { entry: 'single_chat_tools', externalUserId: 'wmDemoChenJing01', location: 'denied' })
  })

  test('12. PC: the fastest log is three clicks and no scrolling', async ({ page }) => {
    await openSignedIn(page, '/')
    await expect(page.getByTestId('customer-name')).toHaveText('陈静')
    await fastestLog(page, 'i10-12-first-screen-pc')
  })

  test('10. PC: the next-contact time and a date module are set with the keyboard and mouse', async ({ page }) => {
    await openSignedIn(page, '/')
    await page.getByTestId('template-13').click()
    await page.getByTestId('next-contact-custom').click()
    const input = page.getByTestId('datetime-input')
    await expect(input).toBeVisible()
    await expect(input).toBeFocused({ timeout: 1000 }).catch(() => input.click())
    await input.fill('2030-03-04T10:15')
    await saveScreen(page, 'i10-10-pc-datetime')
    await page.getByTestId('datetime-popup').getByRole('button', { name: '确定' }).click()
    await expect(page.getByTestId('next-contact-time')).toContainText('2030年3月4日')
    await expect(page.getByTestId('next-contact-time')).toContainText('10:15')

    await page.getByTestId('module-52-date').click()
    const date = page.getByTestId('date-input')
    await date.click()
    await date.press('Control+a').catch(() => {})
    await date.fill('2027-01-15')
    await date.press('Enter')
    await expect(page.getByTestId('module-52-date')).toHaveText('2027-01-15')
  })
})

test('9. with the keyboard up (viewport shrunk as Android does), the field being typed stays clear of the submit bar', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await page.getByTestId('template-11').click()
  const fields = [
    ['module-34-input', 'textarea', '拜访纪要'],
    ['remark', 'textarea', '备忘录'],
  ] as const
  for (const [testId, inner, text] of fields) {
    const field = page.locator(`[data-testid="${testId}"] ${inner}`)
    await field.scrollIntoViewIfNeeded()
    await field.click()
    await page.setViewportSize({ width: 375, height: 360 })
    await field.pressSequentially(text)
    await expect(page.getByTestId('submit-bar')).toBeHidden()
    await expect(field).toBeInViewport({ ratio: 1 })
    if (testId === 'module-34-input')
      await saveScreen(page, 'i10-09-keyboard-up')
    await field.blur()
    await page.setViewportSize({ width: 375, height: 667 })
    await expect(page.getByTestId('submit-bar')).toBeVisible()
  }
  await page.getByTestId('next-contact-tomorrow').click()
  const name = page.locator('[data-testid="schedule-name"] input')
  await name.scrollIntoViewIfNeeded()
  await name.click()
  await page.setViewportSize({ width: 375, height: 360 })
  await expect(page.getByTestId('submit-bar')).toBeHidden()
  await expect(name).toBeInViewport({ ratio: 1 })
})
