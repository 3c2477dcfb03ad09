import { expect, test } from '@playwright/test'
import { unfoldOpportunity } from './support/journey'
import { sandbox } from './support/sandbox'
import { saveScreen } from './support/screens'
import { openSignedIn } from './support/session'

test.beforeEach(async () => {
  await sandbox.reset()
})

const LIU_YANG = '/?customer=wmDemoLiuYang02'
const textOf = (page: import('@playwright/test').Page) => page.locator('[data-testid="module-21-input"] textarea')

test('7. switching opportunity takes what was typed along; switching template asks before clearing answers', async ({ page }) => {
  await openSignedIn(page, LIU_YANG)
  await expect(page.getByTestId('opportunity-1002')).toHaveAttribute('aria-checked', 'true')
  await page.getByTestId('template-10').click()
  await page.getByTestId('module-20-option-22').click()
  await textOf(page).fill('其实是校区管理系统的事')
  await page.getByTestId('opportunity-10').click()
  await expect(page.getByTestId('opportunity-10')).toHaveAttribute('aria-checked', 'true')
  await expect(textOf(page)).toHaveValue('其实是校区管理系统的事')
  await expect(page.getByTestId('module-20-option-22')).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByTestId('stage-10')).toHaveAttribute('aria-checked', 'true')

  await page.getByTestId('template-12').click()
  const dialog = page.locator('.van-dialog')
  await expect(dialog).toContainText('切换跟进模板？')
  await expect(dialog).toContainText('「你的问题是」、「沟通内容」')
  await page.waitForTimeout(400)
  await saveScreen(page, 'i10-07-template-switch-asks')
  await dialog.getByRole('button', { name: '取消' }).click()
  await expect(page.getByTestId('template-10')).toHaveAttribute('aria-checked', 'true')
  await expect(textOf(page)).toHaveValue('其实是校区管理系统的事')

  // Drafts stay per opportunity: after a reload the text is on business 10, not 1002.
  await page.waitForTimeout(500)
  await page.reload()
  await expect(page.getByTestId('opportunity-10')).toHaveAttribute('aria-checked', 'true')
  await expect(textOf(page)).toHaveValue('其实是校区管理系统的事')
  await page.getByTestId('opportunity-1002').click()
  await expect(page.getByTestId('opportunity-1002')).toHaveAttribute('aria-checked', 'true')
  await expect(textOf(page)).toHaveValue('其实是校区管理系统的事')
})

test('7. an opportunity with its own draft is only switched to after asking', async ({ page }) => {
  await openSignedIn(page, LIU_YANG)
  await page.getByTestId('template-10').click()
  await textOf(page).fill('续约的草稿')
  await page.waitForTimeout(500)
  // A draft for business 10 from an earlier visit (as the page saves drafts, with the text changed).
  await page.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem('followup:draft:zhangwei:wmDemoLiuYang02:1002')!)
    stored.form = { ...stored.form, stageId: 10, baseStageId: 10, answers: { 21: { text: '校区的草稿' } } }
    localStorage.setItem('followup:draft:zhangwei:wmDemoLiuYang02:10', JSON.stringify(stored))
  })
  await page.reload()
  await expect(textOf(page)).toHaveValue('续约的草稿')
  await page.getByTestId('opportunity-10').click()
  await expect(page.locator('.van-dialog')).toContainText('有自己的草稿')
  await page.locator('.van-dialog').getByRole('button', { name: '取消' }).click()
  await expect(textOf(page)).toHaveValue('续约的草稿')
  await page.getByTestId('opportunity-10').click()
  await page.locator('.van-dialog').getByRole('button', { name: '切换' }).click()
  await expect(textOf(page)).toHaveValue('校区的草稿')
  await page.getByTestId('opportunity-1002').click()
  await page.locator('.van-dialog').getByRole('button', { name: '切换' }).click()
  await expect(textOf(page)).toHaveValue('续约的草稿')
})

test('13. the recent list shows what was logged, and a row opens a read-only view', async ({ page }) => {
  await openSignedIn(page, '/?customer=wmDemoChenJing01')
  await page.getByTestId('template-10').click()
  await page.getByTestId('module-20-option-20').click()
  await textOf(page).fill('客户接受了报价，下周出合同')
  await unfoldOpportunity(page)
  await page.getByTestId('stage-12').click()
  await page.getByTestId('next-contact-in3days').click()
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('success')).toBeVisible()

  await page.getByTestId('success-again').click()
  await page.getByTestId('module-20-option-23').click()
  await textOf(page).fill('回访')
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('success')).toBeVisible()

  const rows = page.getByTestId('recent-item')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0).getByTestId('recent-answer')).toHaveText('其他 · 回访')
  await expect(rows.nth(1).getByTestId('recent-answer')).toHaveText('价格问题 · 客户接受了报价，下周出合同')
  await expect(rows.nth(1).getByTestId('recent-stage')).toHaveText('阶段：需求确认 → 方案报价')
  await expect(rows.nth(1)).toContainText('下次联系')
  await expect(rows.nth(1)).toContainText('日常')
  await saveScreen(page, 'i10-13-recent-rows')

  await rows.nth(1).click()
  const detail = page.getByTestId('recent-detail')
  await expect(detail).toContainText('客户接受了报价，下周出合同')
  await expect(detail).toContainText('你的问题是')
  await expect(detail).toContainText('需求确认 → 方案报价')
  await expect(detail).toContainText('（只读）')
  await expect(detail.locator('input, textarea')).toHaveCount(0)
  await page.waitForTimeout(400)
  await saveScreen(page, 'i10-13-recent-detail')
})
