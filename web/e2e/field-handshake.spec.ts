import { expect, test } from '@playwright/test'
import { CHEN_JING, CLIENTS, LOCATION } from './support/clients'
import { sandbox } from './support/sandbox'
import { saveScreen } from './support/screens'
import { openSignedIn } from './support/session'
import { bridgeCalls, installWecomBridge } from './support/wecom-bridge'

test.beforeEach(async () => {
  await sandbox.reset()
})

function reportsOf(page: import('@playwright/test').Page) {
  const reports: Record<string, unknown>[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/api/client-reports'))
      reports.push(request.postDataJSON())
  })
  return reports
}

for (const client of CLIENTS) {
  test.describe(`WeCom handshake on the ${client.name}`, () => {
    test.use(client.use)

    test('a client that never answers the handshake: words and a 重试 that loads the page afresh, not an endless skeleton', async ({ page }) => {
      await installWecomBridge(page, { ...CHEN_JING, location: LOCATION, silent: { '*': 1e9 }, silentFirstLoadOnly: true })
      const reports = reportsOf(page)
      const loads: string[] = []
      page.on('request', (request) => {
        if (request.isNavigationRequest() && new URL(request.url()).pathname === '/')
          loads.push(request.url())
      })
      await openSignedIn(page, '/')
      await expect(page.getByTestId('skeleton')).toBeVisible()
      await expect(page.getByTestId('entry-error')).toBeVisible({ timeout: 15_000 })
      await expect(page.getByTestId('entry-error')).toContainText('企业微信没有响应')
      await expect(page.getByTestId('error-message')).not.toContainText(/timeout|fail|err/i)
      await saveScreen(page, `20-handshake-silent-${client.name}`)
      await expect.poll(() => reports).toContainEqual(expect.objectContaining({ api: 'agentConfig', keyword: 'timeout', platform: client.name === 'pc' ? 'windows' : 'ios' }))

      const before = loads.length
      await page.getByTestId('entry-retry').click()
      await expect(page.getByTestId('customer-name')).toHaveText('陈静')
      expect(loads.length).toBe(before + 1)
    })

    test('slow answers (1.5 s each) still open the form: the limits are for hangs, not for slow clients', async ({ page }) => {
      await installWecomBridge(page, { ...CHEN_JING, location: LOCATION, delayMs: 1500 })
      await openSignedIn(page, '/')
      await expect(page.getByTestId('customer-name')).toHaveText('陈静', { timeout: 15_000 })
      await expect(page.getByTestId('entry-error')).toHaveCount(0)
      await saveScreen(page, `21-slow-client-${client.name}`)
    })

    test('a bridge injected late (after the page started, announced by WeixinJSBridgeReady) still opens the form', async ({ page }) => {
      await installWecomBridge(page, { ...CHEN_JING, location: LOCATION, lateMs: 2500 })
      await openSignedIn(page, '/')
      await expect(page.getByTestId('customer-name')).toHaveText('陈静', { timeout: 15_000 })
      expect((await bridgeCalls(page)).map(c => c.name)).toContain('agentConfig')
      await saveScreen(page, `22-late-bridge-${client.name}`)
    })

    test.describe('older than 3.0.24', () => {
      test.use({ userAgent: client.oldUserAgent })
      test('a client older than 3.0.24: corp config first, then the agent config, both signatures verified', async ({ page }) => {
        await installWecomBridge(page, { ...CHEN_JING, location: LOCATION })
        await openSignedIn(page, '/')
        await expect(page.getByTestId('customer-name')).toHaveText('陈静')
        const names = (await bridgeCalls(page)).map(c => c.name)
        expect(names).toContain('preVerifyJSAPI')
        expect(names.indexOf('preVerifyJSAPI')).toBeLessThan(names.indexOf('agentConfig'))
        await saveScreen(page, `23-old-client-${client.name}`)
      })
    })

    test('a permission failure names the console setting and hides the client\'s words', async ({ page }) => {
      await installWecomBridge(page, { ...CHEN_JING, fail: { getCurExternalContact: 'getCurExternalContact:fail_no permission' } })
      const reports = reportsOf(page)
      await openSignedIn(page, '/')
      await expect(page.getByTestId('entry-error')).toContainText('企业微信没有开放权限')
      await expect(page.getByTestId('error-message')).toContainText('客户联系 → 可调用接口的应用')
      await expect(page.getByTestId('error-message')).toContainText('可信域名')
      await expect(page.getByTestId('error-message')).not.toContainText('no permission')
      await saveScreen(page, `24-no-permission-${client.name}`)
      await expect.poll(() => reports).toContainEqual(expect.objectContaining({ api: 'getCurExternalContact', keyword: 'no permission', entry: 'single_chat_tools' }))
    })
  })
}
