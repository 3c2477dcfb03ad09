import { expect, test } from '@playwright/test'
import { unfoldOpportunity } from './support/journey'
import { sandbox } from './support/sandbox'
import { saveScreen } from './support/screens'
import { openSignedIn } from './support/session'

test.beforeEach(async () => {
  await sandbox.reset()
})

const CHEN_JING = '/?customer=wmDemoChenJing01'

async function answerRequired(page: import('@playwright/test').Page, text = '客户决定不采购了') {
  await page.getByTestId('template-10').click()
  await page.getByTestId('module-20-option-20').click()
  await page.locator('[data-testid="module-21-input"] textarea').fill(text)
}

test('1. a log that loses the deal asks first, says so, and the next log starts from 输单, also after a reload', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await answerRequired(page)
  await unfoldOpportunity(page)
  await page.getByTestId('stage-15').click()
  await page.getByTestId('submit').click()
  await expect(page.locator('.van-dialog')).toContainText('确认输单')
  await expect(page.locator('.van-dialog')).toContainText('「需求确认」改为「输单」')
  await page.waitForTimeout(400) // the dialog's fade-in
  await saveScreen(page, 'i10-01-confirm-closing')
  await page.locator('.van-dialog').getByRole('button', { name: '确认输单' }).click()

  await expect(page.getByTestId('success-stage')).toHaveText('商机阶段已改为 输单')
  await expect(page.locator('.van-overlay')).toBeHidden()
  await saveScreen(page, 'i10-01-success-stage')
  expect((await sandbox.records()).addFollows.map(f => f.stageId)).toEqual([15])

  await page.getByTestId('success-again').click()
  await expect(page.getByTestId('opportunity-1001')).toContainText('输单')
  await expect(page.getByTestId('opportunity-1001-status')).toHaveText('已输单')
  await expect(page.getByTestId('stage-15')).toHaveAttribute('aria-checked', 'true')
  await saveScreen(page, 'i10-01-again-closed')

  // The next log keeps 输单 (no second confirmation: the stage does not change).
  await answerRequired(page, '客户来电确认不再考虑')
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('success')).toBeVisible()
  expect((await sandbox.records()).addFollows.map(f => f.stageId)).toEqual([15, 15])

  await page.reload()
  await expect(page.getByTestId('stage-15')).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByTestId('stage-11')).toHaveAttribute('aria-checked', 'false')
})

test('1. cancelling the closing confirmation sends nothing and keeps what was typed', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await answerRequired(page)
  await unfoldOpportunity(page)
  await page.getByTestId('stage-14').click()
  await page.getByTestId('submit').click()
  await page.locator('.van-dialog').getByRole('button', { name: '取消' }).click()
  await expect(page.locator('[data-testid="module-21-input"] textarea')).toHaveValue('客户决定不采购了')
  expect((await sandbox.records()).addFollows).toHaveLength(0)
})

test('1. a draft typed before the stage moved elsewhere does not bring the old stage back', async ({ page, browser }) => {
  await openSignedIn(page, CHEN_JING)
  await page.getByTestId('template-10').click()
  await page.locator('[data-testid="module-21-input"] textarea').fill('草稿：还在谈')
  await page.waitForTimeout(500)
  // Another device logs 商务谈判 meanwhile.
  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await openSignedIn(otherPage, CHEN_JING)
  await answerRequired(otherPage, '另一台设备记录')
  await unfoldOpportunity(otherPage)
  await otherPage.getByTestId('stage-13').click()
  await otherPage.getByTestId('submit').click()
  await expect(otherPage.getByTestId('success')).toBeVisible()
  await other.close()

  await page.reload()
  await expect(page.getByTestId('draft-restored')).toBeVisible()
  await expect(page.locator('[data-testid="module-21-input"] textarea')).toHaveValue('草稿：还在谈')
  await unfoldOpportunity(page)
  await expect(page.getByTestId('stage-13')).toHaveAttribute('aria-checked', 'true')
})

test('1. closed opportunities look closed in the picker', async ({ page }) => {
  await openSignedIn(page, '/?customer=wmDemoLiuYang02')
  await expect(page.getByTestId('opportunity-1003-status')).toHaveText('已赢单')
  await expect(page.getByTestId('opportunity-1003')).toHaveClass(/opportunity-closed/)
  await expect(page.getByTestId('opportunity-1002')).not.toHaveClass(/opportunity-closed/)
  await saveScreen(page, 'i10-01-picker-closed')
})

test('2. no next contact unless one is tapped; the summary by the button says what will be scheduled', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await answerRequired(page, '只是问候')
  await expect(page.getByTestId('next-contact-none')).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByTestId('submit-summary')).toHaveText('不安排下次联系（不创建日程）')
  await expect(page.getByTestId('submit-summary')).toBeInViewport()
  await saveScreen(page, 'i10-02-no-next-contact')
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('success')).toBeVisible()
  expect((await sandbox.records()).addFollows[0]).not.toHaveProperty('nextTime')

  await page.getByTestId('success-again').click()
  await answerRequired(page, '约了下次')
  await page.getByTestId('next-contact-tomorrow').click()
  await expect(page.getByTestId('submit-summary')).toContainText('将创建日程')
  await expect(page.getByTestId('submit-summary')).toContainText('09:30，提前 30 分钟 提醒')
  await saveScreen(page, 'i10-02-next-contact-summary')
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('success-next-contact')).toBeVisible()
  expect((await sandbox.records()).addFollows[1].nextTime.nextRemindLength).toBe(30)
})

/** 15:00 today in Shanghai: the page's clock for tests whose outcome depends on the time of day. */
function afternoonToday() {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
  return new Date(`${day}T15:00:00+08:00`)
}

test('3. the custom picker opens on tomorrow 09:30, and a reminder already past is refused with a clear message', async ({ page }) => {
  await page.clock.setFixedTime(afternoonToday())
  await openSignedIn(page, CHEN_JING)
  await answerRequired(page, '约时间')
  await page.getByTestId('next-contact-custom').click()
  const popup = page.getByTestId('datetime-popup')
  await expect(popup).toBeVisible()
  await popup.getByRole('tab', { name: '时间' }).click()
  await saveScreen(page, 'i10-03-picker-start')
  await popup.getByRole('button', { name: '确定' }).click()
  const tomorrow = await page.evaluate(() => {
    const d = new Date()
    d.setDate(d.getDate() + 1)
    return `${d.getMonth() + 1}月${d.getDate()}日`
  })
  await expect(page.getByTestId('next-contact-time')).toContainText(tomorrow)
  await expect(page.getByTestId('next-contact-time')).toContainText('09:30')

  // 提前 1 天 before tomorrow 09:30 is today 09:30, already past at 15:00.
  await page.getByTestId('remind-1440').click()
  await expect(page.getByTestId('next-contact-late')).toHaveText('提醒时间已经过去，请缩短提前提醒或把下次联系改晚一些')
  await page.getByTestId('submit').click()
  await expect(page.locator('[data-slot="nextTime"] [data-testid="field-error"]')).toContainText('提醒时间已经过去')
  await saveScreen(page, 'i10-03-reminder-past')
  expect((await sandbox.records()).addFollows).toHaveLength(0)

  await page.getByTestId('remind-60').click()
  await expect(page.getByTestId('next-contact-late')).toHaveCount(0)
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('success')).toBeVisible()
})

test('4. a 500-character module stops at 500 and says /500', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await page.getByTestId('template-10').click()
  const text = page.locator('[data-testid="module-21-input"] textarea')
  await text.fill('长'.repeat(600))
  await expect(text).toHaveValue('长'.repeat(500))
  await expect(page.locator('[data-module-id="21"] .van-field__word-limit')).toHaveText('500/500')
  await text.evaluate(el => el.scrollIntoView({ block: 'center' }))
  await saveScreen(page, 'i10-04-max-length')
})

test('4. an image-only module refuses documents before uploading them', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await page.getByTestId('template-11').click()
  const uploads: string[] = []
  page.on('request', r => r.url().includes('/api/files') && uploads.push(r.url()))
  await page.locator('[data-testid="module-32-uploader"] input[type="file"]').setInputFiles({ name: '报价单.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') })
  await expect(page.locator('[data-module-id="32"] [data-testid="upload-error"]')).toContainText('只能上传图片')
  await expect(page.locator('[data-module-id="32"] .van-uploader__preview')).toHaveCount(0)
  expect(await page.locator('[data-testid="module-32-uploader"] input[type="file"]').getAttribute('accept')).toBe('image/*')
  await page.getByTestId('module-32-uploader').scrollIntoViewIfNeeded()
  await saveScreen(page, 'i10-04-image-only')
  expect(uploads).toHaveLength(0)
})

test('4. multi-select, number and date modules get their controls and send the shapes the contract says', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await page.getByTestId('template-13').click()
  await page.getByTestId('module-50-option-50').click()
  await page.getByTestId('module-50-option-52').click()
  await expect(page.getByTestId('module-50-option-51')).toBeDisabled()
  await expect(page.getByTestId('module-50-limit')).toHaveText('可多选，最多 2 项（已选 2）')
  const budget = page.locator('[data-testid="module-51-input"] input')
  await expect(budget).toHaveAttribute('inputmode', 'decimal')
  await budget.pressSequentially('12万')
  await expect(budget).toHaveValue('12')
  await budget.fill('120000')
  await page.getByTestId('module-52-date').click()
  const popup = page.getByTestId('date-popup')
  await expect(popup).toBeVisible()
  await popup.getByRole('button', { name: '确定' }).click()
  await expect(page.getByTestId('module-52-date')).toHaveText(/^\d{4}-\d{2}-\d{2}$/)
  await page.getByTestId('submit').click()
  await expect(page.locator('[data-module-id="51"] [data-testid="field-error"]')).toHaveText('「预算（万元）」应在 0 到 10000 之间')
  await page.getByTestId('module-51-input').scrollIntoViewIfNeeded()
  await saveScreen(page, 'i10-04-controls')
  expect((await sandbox.records()).addFollows).toHaveLength(0)

  await budget.fill('120')
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('success')).toBeVisible()
  const byModule = Object.fromEntries((await sandbox.records()).addFollows[0].detailList.map((m: any) => [m.moduleId, m]))
  expect(byModule[50]).toMatchObject({ moduleType: 'Checkbox', detail: [{ optionId: 50, content: '价格' }, { optionId: 52, content: '售后服务' }] })
  expect(byModule[51]).toMatchObject({ moduleType: 'Number', detail: [{ content: '120' }] })
  expect(byModule[52].detail[0].content).toMatch(/^\d{4}-\d{2}-\d{2}$/)
})
