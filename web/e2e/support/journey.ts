import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'

export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

/** A PNG photo of noise, made in the page's canvas: noise does not compress, so it is about 4 bytes a pixel. */
export async function noisePhoto(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(async ([w, h]) => {
    const canvas = document.createElement('canvas')
    canvas.width = w
    canvas.height = h
    const context = canvas.getContext('2d')!
    const pixels = context.createImageData(w, h)
    for (let i = 0; i < pixels.data.length; i++)
      pixels.data[i] = i % 4 === 3 ? 255 : Math.random() * 256
    context.putImageData(pixels, 0, 0)
    const blob = await new Promise<Blob>(resolve => canvas.toBlob(b => resolve(b!), 'image/png'))
    const bytes = new Uint8Array(await blob.arrayBuffer())
    let binary = ''
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    return btoa(binary)
  }, [width, height] as const)
  return Buffer.from(base64, 'base64')
}

/** Answers every module of template 10 (日常): Radio, TextArea, Attachment (upload), Location (auto-filled). */
export async function answerDailyTemplate(page: Page) {
  await page.getByTestId('template-10').click()
  await page.getByTestId('module-20-option-21').click()
  await page.locator('[data-testid="module-21-input"] textarea').fill('沟通了报价方案，客户希望再优惠 5%')
  await page.locator('[data-testid="module-22-uploader"] input[type="file"]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG_1PX })
  await expect(page.locator('[data-testid="module-22-uploader"] img').first()).toBeVisible()
  // Uploaded, not just previewed: a tile that is still uploading or failed carries a mask.
  await expect(page.locator('[data-testid="module-22-uploader"] .van-uploader__mask')).toHaveCount(0)
  await expect(page.getByTestId('module-23-location')).toContainText(/\d|人民广场|定位/)
}

/** With a single open opportunity the page shows it on one line; this unfolds the picker and the stage chips. */
export async function unfoldOpportunity(page: Page) {
  const compact = page.getByTestId('opportunity-compact')
  await expect(compact.or(page.getByTestId('opportunity-picker')).first()).toBeVisible()
  if (await compact.isVisible())
    await compact.click()
  await expect(page.getByTestId('opportunity-picker')).toBeVisible()
}
