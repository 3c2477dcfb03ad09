import { expect, test } from '@playwright/test'
import { CHEN_JING, LOCATION } from './support/clients'
import { PC_SIDEBAR } from './support/phone'
import { sandbox } from './support/sandbox'
import { saveScreen } from './support/screens'
import { openSignedIn } from './support/session'
import { installWecomBridge, WECOM_USER_AGENT } from './support/wecom-bridge'

test.use({ userAgent: WECOM_USER_AGENT })

test.beforeEach(async () => {
  await sandbox.reset()
})

// The server refreshes a reported ticket at most once a minute, so this scenario runs once per test server; the
// error screen is also captured at the PC sidebar's size.
test('a signature the client rejects heals: the page tells the server once, and 重试 opens with a new ticket', async ({ page }) => {
  await installWecomBridge(page, { ...CHEN_JING, location: LOCATION })
  await openSignedIn(page, '/')
  await expect(page.getByTestId('customer-name')).toHaveText('陈静')

  // WeCom stops honouring the tickets the server has cached (they have not expired there yet).
  await sandbox.expireTokens()
  const badSignatureReports: unknown[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/api/jssdk/bad-signature'))
      badSignatureReports.push(request.postDataJSON())
  })
  await page.reload()
  await expect(page.getByTestId('entry-error')).toContainText('企业微信签名校验失败')
  await expect(page.getByTestId('error-message')).toContainText('可信域名')
  await expect(page.getByTestId('error-message')).not.toContainText('invalid signature')
  await saveScreen(page, '25-bad-signature-phone')
  await page.setViewportSize(PC_SIDEBAR.viewport)
  await saveScreen(page, '25-bad-signature-pc')
  await expect.poll(() => badSignatureReports).toEqual([{ ticket: 'agent' }])

  await page.getByTestId('entry-retry').click()
  await expect(page.getByTestId('customer-name')).toHaveText('陈静')
  expect(badSignatureReports).toHaveLength(1)

  // The corp ticket went stale too: a report renews it (and the next one within the minute does not).
  const renewed = await page.request.post('/api/jssdk/bad-signature', { data: { ticket: 'jsapi' } })
  expect(await renewed.json()).toEqual({ refreshed: true })
  const limited = await page.request.post('/api/jssdk/bad-signature', { data: { ticket: 'agent' } })
  expect(await limited.json()).toEqual({ refreshed: false })
})
