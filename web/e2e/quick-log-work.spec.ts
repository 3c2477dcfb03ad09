import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { noisePhoto, PNG_1PX } from './support/journey'
import { sandbox } from './support/sandbox'
import { saveScreen } from './support/screens'
import { openSignedIn } from './support/session'

test.beforeEach(async () => {
  await sandbox.reset()
})

const CHEN_JING = '/?customer=wmDemoChenJing01'
const uploader = (page: Page) => page.locator('[data-testid="module-22-uploader"] input[type="file"]')

async function answerRequired(page: Page) {
  await page.getByTestId('template-10').click()
  await page.getByTestId('module-20-option-21').click()
  await page.locator('[data-testid="module-21-input"] textarea').fill('发了资料')
}

test('5. a failed upload says why and retries on tap; submitting asks first; uploads in progress show on the button', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await answerRequired(page)
  let release = () => {}
  const held = new Promise<void>(resolve => (release = resolve))
  let calls = 0
  await page.route('**/api/files', async (route) => {
    calls++
    if (calls === 1)
      return route.abort('connectionreset')
    if (calls === 3)
      await held
    return route.continue()
  })
  await uploader(page).setInputFiles([{ name: '名片.png', mimeType: 'image/png', buffer: PNG_1PX }])
  const failedTile = page.locator('[data-module-id="22"] .van-uploader__preview').first()
  await expect(failedTile).toContainText('上传失败')
  await expect(failedTile).toContainText('点按重试')
  await expect(page.locator('[data-module-id="22"] [data-testid="upload-error"]')).toContainText('名片.png')
  await uploader(page).setInputFiles([{ name: '合同.png', mimeType: 'image/png', buffer: PNG_1PX }])
  await expect(page.locator('[data-module-id="22"] .van-uploader__preview')).toHaveCount(2)
  await expect(page.locator('[data-module-id="22"] .van-uploader__mask')).toHaveCount(1)
  await expect(failedTile).toContainText('上传失败')
  await page.getByTestId('module-22-uploader').scrollIntoViewIfNeeded()
  await saveScreen(page, 'i10-05-upload-failed')

  await page.getByTestId('submit').click()
  await expect(page.locator('.van-dialog')).toContainText('1 个附件未上传成功，仍提交？')
  await page.waitForTimeout(400)
  await saveScreen(page, 'i10-05-confirm-failed')
  await page.locator('.van-dialog').getByRole('button', { name: '取消' }).click()
  expect((await sandbox.records()).addFollows).toHaveLength(0)

  // Retry on tap: held on the way, so the button says what is going on.
  await failedTile.click()
  await expect(page.getByTestId('submit')).toContainText('上传中 1/2…')
  await saveScreen(page, 'i10-05-uploading-button')
  await page.getByTestId('submit').click()
  expect((await sandbox.records()).addFollows).toHaveLength(0)
  release()
  await expect(page.getByTestId('submit')).toHaveText('提交跟进')
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('success')).toBeVisible()
  const sent = (await sandbox.records()).addFollows[0].detailList.find((m: any) => m.moduleId === 22)
  expect(sent.detail.map((d: any) => d.fileName).sort()).toEqual(['名片.png', '合同.png'].sort())
})

test('6. one 10 MB limit checked before uploading; a 15 MB photo is compressed in the page and uploads', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await answerRequired(page)
  const sizes: number[] = []
  page.on('request', (r) => {
    if (r.url().includes('/api/files'))
      sizes.push(r.postDataBuffer()?.length ?? 0)
  })
  await uploader(page).setInputFiles({ name: '大文件.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(11 * 1024 * 1024, 1) })
  await expect(page.locator('[data-module-id="22"] [data-testid="upload-error"]')).toContainText('超过 10 MB，无法上传')
  expect(sizes).toHaveLength(0)

  // A camera-sized photo of noise (which PNG cannot shrink): well over the limit as it is.
  const buffer = await noisePhoto(page, 3000, 2000)
  expect(buffer.length).toBeGreaterThan(10 * 1024 * 1024)
  await uploader(page).setInputFiles({ name: '白板.png', mimeType: 'image/png', buffer })
  await expect(page.locator('[data-module-id="22"] .van-uploader__preview img').last()).toBeVisible({ timeout: 30_000 })
  await expect.poll(() => sizes.length).toBe(1)
  expect(sizes[0]).toBeLessThan(10 * 1024 * 1024)
  await page.getByTestId('module-22-uploader').scrollIntoViewIfNeeded()
  await saveScreen(page, 'i10-06-compressed')
  await expect(page.getByTestId('submit')).toHaveText('提交跟进', { timeout: 30_000 })
  await page.getByTestId('submit').click()
  await page.locator('.van-dialog').getByRole('button', { name: '仍提交' }).click()
  await expect(page.getByTestId('success')).toBeVisible()
  const sent = (await sandbox.records()).addFollows[0].detailList.find((m: any) => m.moduleId === 22)
  expect(sent.detail).toHaveLength(1)
  expect(sent.detail[0].fileName).toBe('白板.jpg')
})

test('6b. an upload on a slow connection shows how far it has gone, in percent, and then the file', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await answerRequired(page)
  // A photo of noise, about 1 MB as PNG (noise does not compress), sent at about 256 KB/s.
  const buffer = await noisePhoto(page, 640, 420)
  expect(buffer.length).toBeGreaterThan(700 * 1024)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: 1024 * 1024, uploadThroughput: 256 * 1024 })
  const seen = new Set<number>()
  const mask = page.locator('[data-module-id="22"] .van-uploader__mask-message')
  await uploader(page).setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer })
  await expect.poll(async () => {
    const text = await mask.textContent().catch(() => null)
    const percent = /上传中 (\d+)%/.exec(text ?? '')?.[1]
    if (percent)
      seen.add(Number(percent))
    return [...seen].some(p => p > 0 && p < 100)
  }, { intervals: [50], timeout: 20_000 }).toBe(true)
  await page.getByTestId('module-22-uploader').scrollIntoViewIfNeeded()
  await saveScreen(page, 'i16-upload-progress')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
  await expect(page.locator('[data-module-id="22"] .van-uploader__preview img')).toBeVisible({ timeout: 30_000 })
  await expect(mask).toHaveCount(0)
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('success')).toBeVisible()
  const sent = (await sandbox.records()).addFollows[0].detailList.find((m: any) => m.moduleId === 22)
  // Photos are sent as JPEG where that is smaller.
  expect(sent.detail.map((d: any) => d.fileName)).toEqual([expect.stringMatching(/^现场\.(?:png|jpg)$/)])
})

test('8. the automatic location is not a draft; what was typed is, and 清空草稿 clears it', async ({ page }) => {
  await openSignedIn(page, CHEN_JING)
  await page.getByTestId('template-10').click()
  await expect(page.getByTestId('module-23-location')).toContainText(/人民广场|\d/)
  // Choosing the template the page would open on anyway is not typing either.
  await page.waitForTimeout(600)
  await page.reload()
  await expect(page.getByTestId('module-23-location')).toContainText(/人民广场|\d/)
  await page.waitForTimeout(600)
  await expect(page.getByTestId('draft-restored')).toHaveCount(0)

  await page.locator('[data-testid="module-21-input"] textarea').fill('这句要留着')
  await page.waitForTimeout(600)
  await page.reload()
  await expect(page.getByTestId('draft-restored')).toBeVisible()
  await saveScreen(page, 'i10-08-draft-restored')
  await page.getByTestId('draft-clear').click()
  await expect(page.locator('[data-testid="module-21-input"] textarea')).toHaveValue('')
  await expect(page.getByTestId('draft-restored')).toHaveCount(0)
  await page.reload()
  await expect(page.getByTestId('module-23-location')).toContainText(/人民广场|\d/)
  await expect(page.getByTestId('draft-restored')).toHaveCount(0)
})

test('11. offline, the state shows by the button and says the page may be closed', async ({ page, context }) => {
  await openSignedIn(page, CHEN_JING)
  await answerRequired(page)
  await context.setOffline(true)
  await page.getByTestId('submit').click()
  const status = page.getByTestId('submit-status')
  await expect(status).toHaveText('已保存在本机，网络恢复后自动提交，可以关闭页面')
  await expect(status).toBeInViewport()
  await saveScreen(page, 'i10-11-offline-by-button')
  await context.setOffline(false)
  await expect(page.getByTestId('success')).toBeVisible({ timeout: 20_000 })
})
