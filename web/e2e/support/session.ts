import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { E2E_PORTS } from './ports'

/** Opens a path; when the server sends us to the (sandbox) WeCom sign-in page, picks the salesperson. */
export async function openSignedIn(page: Page, path: string, salesperson = 'zhangwei') {
  await page.goto(path)
  const person = page.locator(`[data-userid="${salesperson}"]`)
  if (await person.count()) {
    await person.click()
    await page.waitForURL(url => url.pathname === new URL(path, 'http://x').pathname && url.port !== String(E2E_PORTS.wecom))
  }
  await expect(page.locator('body')).not.toContainText('企业微信授权（沙箱）')
}
