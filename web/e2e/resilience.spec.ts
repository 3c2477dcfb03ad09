import { expect, test } from '@playwright/test'
import { CHEN_JING as CHEN_JING_IN_WECOM, CLIENTS, LOCATION } from './support/clients'
import { answerDailyTemplate, unfoldOpportunity } from './support/journey'
import { sandbox } from './support/sandbox'
import { saveScreen } from './support/screens'
import { openSignedIn } from './support/session'
import { installWecomBridge } from './support/wecom-bridge'

test.beforeEach(async () => {
  await sandbox.reset()
})

const CHEN_JING = '/?customer=wmDemoChenJing01'

test('offline at submit: the follow-up waits as pending and is delivered once when the network returns', async ({ page, context }) => {
  await openSignedIn(page, CHEN_JING)
  await answerDailyTemplate(page)
  await context.setOffline(true)
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('pending-banner')).toBeVisible()
  await expect(page.getByTestId('pending-banner')).toContainText('网络')
  await saveScreen(page, '06-pending-offline')
  expect((await sandbox.records()).addFollows).toHaveLength(0)

  await context.setOffline(false)
  await expect(page.getByTestId('success')).toBeVisible({ timeout: 20_000 })
  expect((await sandbox.records()).addFollows).toHaveLength(1)
})

test('the answer is lost after the server received it: the retry with the same key does not log it twice', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await answerDailyTemplate(page)
  const keys: string[] = []
  let dropped = false
  await page.route('**/api/follow-ups', async (route) => {
    keys.push(route.request().headers()['idempotency-key'] ?? '')
    if (dropped)
      return route.continue()
    dropped = true
    await route.fetch() // reaches the server, which posts to 谱蓝云
    await route.abort('connectionreset') // but the page never hears back
  })
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('pending-banner')).not.toHaveAttribute('data-status', 'sending')
  await expect.poll(async () => (await sandbox.records()).addFollows.length).toBe(1)

  await page.getByTestId('pending-retry').click()
  await expect(page.getByTestId('success')).toBeVisible({ timeout: 20_000 })
  expect(keys.length).toBeGreaterThanOrEqual(2)
  expect(new Set(keys).size).toBe(1)
  expect((await sandbox.records()).addFollows).toHaveLength(1)
})

test('a page reloaded halfway through typing restores the draft', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await unfoldOpportunity(page)
  await page.getByTestId('stage-12').click()
  await page.getByTestId('template-10').click()
  await page.getByTestId('module-20-option-22').click()
  await page.locator('[data-testid="module-21-input"] textarea').fill('客户想先试用两周')
  await page.getByTestId('remark').locator('textarea').fill('记得发试用账号')
  await page.waitForTimeout(500)
  await page.reload()

  await expect(page.getByTestId('draft-restored')).toBeVisible()
  await expect(page.locator('[data-testid="module-21-input"] textarea')).toHaveValue('客户想先试用两周')
  await expect(page.getByTestId('remark').locator('textarea')).toHaveValue('记得发试用账号')
  await expect(page.getByTestId('module-20-option-22')).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByTestId('opportunity-compact')).toContainText('需求确认 → 方案报价')
  await unfoldOpportunity(page)
  await expect(page.getByTestId('stage-12')).toHaveAttribute('aria-checked', 'true')
  await saveScreen(page, '07-draft-restored')
})

test('a refused submission shows a clear Chinese message and keeps everything typed', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await page.getByTestId('template-10').click()
  await page.locator('[data-testid="module-21-input"] textarea').fill('没有选问题类型')
  await page.getByTestId('submit').click()
  await expect(page.locator('[data-testid="field-error"]').first()).toContainText('必填')
  await expect(page.locator('[data-testid="module-21-input"] textarea')).toHaveValue('没有选问题类型')
  await saveScreen(page, '08-validation')
  expect((await sandbox.records()).addFollows).toHaveLength(0)
})

test('in a desktop browser on the sandbox, a person picks a demo customer and sees their opportunities', async ({ page }) => {
  await openSignedIn(page, '/')
  await expect(page.getByTestId('sandbox-customer-picker')).toBeVisible()
  await saveScreen(page, '09-sandbox-customer-picker')
  await page.getByTestId('sandbox-customer-wmDemoLiuYang02').click()
  await expect(page.getByTestId('customer-name')).toHaveText('刘洋')
  // 刘洋 has several opportunities: the most recently followed one is pre-selected.
  await expect(page.getByTestId('opportunity-1002')).toHaveAttribute('aria-checked', 'true')
  await expect(page).toHaveURL(/customer=wmDemoLiuYang02/)
})

test('no horizontal overflow at 375 px and in a 360 px desktop sidebar', async ({ page }) => {
  for (const width of [375, 360]) {
    await page.setViewportSize({ width, height: 667 })
    await openSignedIn(page, CHEN_JING)
    await expect(page.getByTestId('customer-name')).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  }
})

test('谱蓝云 too slow to answer: the outcome is shown as unknown, honestly, and the salesperson decides', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await answerDailyTemplate(page)
  await sandbox.fault('pulan.addFollow', { kind: 'slow', delayMs: 3000 }, 1)
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('pending-banner')).toHaveAttribute('data-status', 'unknown', { timeout: 15_000 })
  await expect(page.getByTestId('pending-banner')).toContainText('可能已记录')
  await saveScreen(page, '10-outcome-unknown')
  // The record did arrive, late; the salesperson sees it in 谱蓝云 and stops here.
  await expect.poll(async () => (await sandbox.records()).addFollows.length, { timeout: 10_000 }).toBe(1)
  await page.getByTestId('pending-found').click()
  await expect(page.getByTestId('pending-banner')).toHaveCount(0)
  await expect(page.getByTestId('submit')).toBeEnabled()
  expect((await sandbox.records()).addFollows).toHaveLength(1)
})

for (const client of CLIENTS) {
  test.describe(`the page's own code does not arrive, on the ${client.name}`, () => {
    test.use(client.use)

    test('a Chinese message and 重新加载 instead of a skeleton without end', async ({ page }) => {
      await installWecomBridge(page, { ...CHEN_JING_IN_WECOM, location: LOCATION })
      await page.route('**/assets/first-screen-*.js', route => route.abort('internetdisconnected'))
      await openSignedIn(page, CHEN_JING)
      await expect(page.getByTestId('load-problem')).toContainText('页面没有加载完整')
      await expect(page.getByTestId('skeleton')).toHaveCount(0)
      await saveScreen(page, client.name === 'phone' ? '12-code-did-not-arrive' : '12-code-did-not-arrive-pc')
      await page.unroute('**/assets/first-screen-*.js')
      await page.getByTestId('load-retry').click()
      await expect(page.getByTestId('customer-name')).toHaveText('陈静')
    })
  })
}

for (const client of CLIENTS) {
  test.describe(`a part of the form does not arrive, on the ${client.name}`, () => {
    test.use(client.use)

    test('the form below the first question: tried three times, then a Chinese message and 重新加载, and what was chosen is kept', async ({ page }) => {
      await installWecomBridge(page, { ...CHEN_JING_IN_WECOM, location: LOCATION })
      const parts = '**/assets/form-parts-*.js'
      let tries = 0
      await page.route(parts, (route) => {
        tries++
        return route.abort('internetdisconnected')
      })
      await openSignedIn(page, CHEN_JING)
      await page.getByTestId('module-20-option-21').click()
      const problems = page.getByTestId('part-load-problem')
      await expect(problems.last()).toContainText('表单下半部分（跟进结果、时间、备忘录、下次联系）没有加载出来')
      await expect(page.locator('[data-module-id="21"] [data-testid="part-load-problem"]')).toContainText('没有加载出来')
      await expect(problems.last()).toContainText('草稿')
      expect(tries).toBeGreaterThanOrEqual(3)
      await expect(page.getByTestId('remark')).toHaveCount(0)
      await problems.last().scrollIntoViewIfNeeded()
      await saveScreen(page, `i16-part-did-not-arrive-${client.name}`)

      await page.unroute(parts)
      await problems.last().getByTestId('part-load-reload').click()
      await expect(page.getByTestId('draft-restored')).toBeVisible()
      await expect(page.getByTestId('module-20-option-21')).toHaveAttribute('aria-checked', 'true')
      await expect(page.getByTestId('remark')).toBeVisible()
      await expect(page.locator('[data-testid="module-21-input"] textarea')).toBeVisible()
      await expect(page.getByTestId('part-load-problem')).toHaveCount(0)
    })
  })
}
