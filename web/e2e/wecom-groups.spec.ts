import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { answerDailyTemplate } from './support/journey'
import { sandbox } from './support/sandbox'
import { saveScreen } from './support/screens'
import { openSignedIn } from './support/session'
import { bridgeCalls, installWecomBridge, WECOM_USER_AGENT } from './support/wecom-bridge'

const PC_WECOM_USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 wxwork/4.1.28 MicroMessenger/7.0.1 Language/zh ColorScheme/Light'
const LOCATION = { latitude: 31.23, longitude: 121.47 }

test.beforeEach(async () => {
  await sandbox.reset()
})

async function openGroup(page: Page, chatId: string) {
  await installWecomBridge(page, { entry: 'group_chat_tools', chatId, location: LOCATION })
  await openSignedIn(page, '/')
}

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

test.describe('inside WeCom on a phone', () => {
  test.use({ userAgent: WECOM_USER_AGENT })

  test('from a group with several customers: the list, switching customer inside the group, and exactly one add-follow for the chosen one', async ({ page }) => {
    const apiCalls: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/'))
        apiCalls.push(new URL(request.url()).pathname)
    })
    await openGroup(page, 'wrDemoGroupMany01')
    await expect(page.getByTestId('group-name')).toHaveText('云帆·启明 联合采购沟通群')
    await expect(page.getByTestId('group-summary')).toHaveText('4 位外部成员 · 其中 3 位是你的客户')
    await expect(page.getByTestId('group-followed').locator('li')).toHaveText([/陈静/, /刘洋/, /吴婷/])
    await expect(page.getByTestId('group-member-wmDemoSunHao04')).toContainText('不是你跟进的客户')
    await expect(page.getByTestId('group-member-wmDemoSunHao04').locator('button')).toHaveCount(0)
    await saveScreen(page, '20-group-members')
    // One API round trip before the list: the group, with the follow check of every member.
    expect(apiCalls).toEqual(['/api/groups/wrDemoGroupMany01'])
    const calls = await bridgeCalls(page)
    expect(calls.map(c => c.name)).toContain('getCurExternalChat')
    expect((calls.find(c => c.name === 'agentConfig')!.params as { jsApiList: string[] }).jsApiList).toContain('getCurExternalChat')

    await page.getByTestId('group-member-wmDemoLiuYang02').getByRole('button').click()
    await expect(page.getByTestId('customer-name')).toHaveText('刘洋')
    await page.getByTestId('remark').locator('textarea').fill('刘校长在群里问了续约价格')
    await page.evaluate(() => window.scrollTo(0, 0))
    await saveScreen(page, '21-group-form')
    await page.getByTestId('group-back').click()
    await expect(page.getByTestId('group-followed')).toBeVisible()
    await page.getByTestId('group-member-wmDemoChenJing01').getByRole('button').click()
    await expect(page.getByTestId('customer-name')).toHaveText('陈静')
    await expect(page.getByTestId('remark').locator('textarea')).toHaveValue('')

    await answerDailyTemplate(page)
    await page.getByTestId('submit').click()
    await expect(page.getByTestId('success')).toBeVisible()
    const { addFollows } = await sandbox.records()
    expect(addFollows).toHaveLength(1)
    expect(addFollows[0]).toMatchObject({ businessId: 1001, templateId: 10, userId: 101 })

    // 刘洋's draft waited: drafts are per customer and opportunity, as in a one-to-one chat.
    await page.getByTestId('group-back').click()
    await page.getByTestId('group-member-wmDemoLiuYang02').getByRole('button').click()
    await expect(page.getByTestId('remark').locator('textarea')).toHaveValue('刘校长在群里问了续约价格')
  })

  test('from a group with exactly one customer: the form opens for them at once, and the list is one tap away', async ({ page }) => {
    await openGroup(page, 'wrDemoGroupOne02')
    await expect(page.getByTestId('customer-name')).toHaveText('陈静')
    await expect(page.getByTestId('group-back')).toBeVisible()
    await saveScreen(page, '22-group-one-customer')
    await page.getByTestId('group-back').click()
    await expect(page.getByTestId('group-followed').locator('li')).toHaveText([/陈静/])
    await expect(page.getByTestId('group-member-wmDemoStranger01')).toContainText('不是你跟进的客户')
    // Back on the list it stays there: the only customer is not reopened by itself.
    await page.waitForTimeout(300)
    await expect(page.getByTestId('group-page')).toBeVisible()
  })

  test('from a group with none of the salesperson\'s customers: a clear message and what to do', async ({ page }) => {
    await openGroup(page, 'wrDemoGroupNone03')
    await expect(page.getByTestId('group-no-customers')).toContainText('这个群里没有你的客户')
    await expect(page.getByTestId('group-no-customers')).toContainText('单聊')
    await expect(page.getByTestId('group-others').locator('li')).toHaveCount(2)
    await expect(page.getByTestId('group-others').getByRole('button')).toHaveCount(0)
    await saveScreen(page, '23-group-no-customers')
  })

  test('from a group the salesperson is not in: refused by the server, nothing read from 谱蓝云', async ({ page }) => {
    await openGroup(page, 'wrDemoGroupOthers04')
    await expect(page.getByTestId('group-problem')).toContainText('你不在这个客户群里')
    await expect(page.getByTestId('group-problem')).toContainText('单聊')
    await saveScreen(page, '24-group-not-member')
    const { counts } = await sandbox.records()
    expect(counts['pulan.customer']).toBe(0)
    expect(counts['wecom.followedList']).toBe(0)
  })

  test('from an internal group, a dismissed one, or one the app may not read: each says so in Chinese', async ({ page }) => {
    for (const [chatId, text] of [['wrDemoInternal06', '这不是客户群'], ['wrDemoDismissed07', '客户群已解散'], ['wrDemoNoAccess08', '没有读取客户群的权限']] as const) {
      await page.context().clearCookies()
      const fresh = await page.context().newPage()
      await openGroup(fresh, chatId)
      await expect(fresh.getByTestId('group-problem')).toContainText(text)
      if (chatId === 'wrDemoNoAccess08')
        await saveScreen(fresh, '25-group-no-permission')
      await fresh.close()
    }
  })

  test('50 external members and long names: nothing overflows at 375 px', async ({ page }) => {
    await openGroup(page, 'wrDemoGroupBig05')
    await expect(page.getByTestId('group-summary')).toHaveText('50 位外部成员 · 其中 4 位是你的客户')
    await expect(page.locator('[data-testid^="group-member-"]')).toHaveCount(50)
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    const longName = page.getByTestId('group-member-wmDemoCrowd01').locator('.member-name')
    const box = (await longName.boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(375)
    await saveScreen(page, '26-group-50-members')
    await saveScreen(page, '26-group-50-members-full', true)
  })
})

test.describe('in the PC sidebar (360x640, mouse, Windows WeCom)', () => {
  test.use({ userAgent: PC_WECOM_USER_AGENT, viewport: { width: 360, height: 640 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 })

  test('the 50-member group fits, and a click opens the form for the chosen customer', async ({ page }) => {
    await openGroup(page, 'wrDemoGroupBig05')
    await expect(page.locator('[data-testid^="group-member-"]')).toHaveCount(50)
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await saveScreen(page, '27-group-pc-sidebar')
    await page.getByTestId('group-member-wmDemoZhouMin03').getByRole('button').click()
    await expect(page.getByTestId('customer-name')).toHaveText('周敏')
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await saveScreen(page, '28-group-pc-form')
  })
})

test('outside WeCom the sandbox platform opens a demo group from its picker', async ({ page }) => {
  await openSignedIn(page, '/')
  await expect(page.getByTestId('sandbox-customer-picker')).toBeVisible()
  await saveScreen(page, '29-sandbox-picker-groups')
  await page.getByTestId('sandbox-group-wrDemoGroupMany01').click()
  await expect(page.getByTestId('group-name')).toHaveText('云帆·启明 联合采购沟通群')
  await expect(page).toHaveURL(/chat=wrDemoGroupMany01/)
  await page.getByTestId('group-member-wmDemoWuTing05').getByRole('button').click()
  await expect(page.getByTestId('customer-name')).toHaveText('吴婷')
})
