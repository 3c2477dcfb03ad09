import type { GroupView } from '@app/shared'
import type { FakeReply } from '../testing/fakeServer'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contextCache } from '../storage/contextCache'
import { errorReply, installFakeServer } from '../testing/fakeServer'
import { context } from '../testing/fixtures'
import GroupPage from './GroupPage.vue'

const member = (externalUserId: string, name: string, followed: boolean) => ({ externalUserId, name, followed })
const view = (chatId: string, members: GroupView['members']): GroupView => ({ chatId, name: '测试客户群', members })

describe('the group page', () => {
  let server: ReturnType<typeof installFakeServer>
  beforeEach(() => {
    localStorage.clear()
    server = installFakeServer()
  })
  afterEach(() => server.restore())

  const open = async (chatId: string, reply: GroupView | FakeReply) => {
    server.on('GET', `/api/groups/${chatId}`, () => ('chatId' in new Object(reply) ? { status: 200, body: reply } : reply as FakeReply))
    const wrapper = mount(GroupPage, { props: { chatId, salesperson: 'zhangwei' } })
    await flushPromises()
    return wrapper
  }

  it('lists the salesperson\'s customers as choices and the other members as not selectable, with why', async () => {
    const wrapper = await open('wrA', view('wrA', [member('wmA', '甲', true), member('wmB', '乙', true), member('wmC', '丙', false)]))
    expect(wrapper.get('[data-testid="group-summary"]').text()).toBe('3 位外部成员 · 其中 2 位是你的客户')
    await wrapper.get('[data-testid="group-member-wmB"] button').trigger('click')
    expect(wrapper.emitted('choose')).toEqual([['wmB']])
    const other = wrapper.get('[data-testid="group-member-wmC"]')
    expect(other.find('button').exists()).toBe(false)
    expect(other.text()).toContain('不是你跟进的客户')
    await other.get('.member-row').trigger('click')
    expect(wrapper.emitted('choose')).toHaveLength(1)
  })

  it('opens the only customer without asking, once: coming back shows the list', async () => {
    const body = view('wrOne', [member('wmA', '甲', true), member('wmX', '路人', false)])
    const first = await open('wrOne', body)
    expect(first.emitted('choose')).toEqual([['wmA']])
    first.unmount()
    const again = await open('wrOne', body)
    expect(again.emitted('choose')).toBeUndefined()
    expect(again.find('[data-testid="group-member-wmA"] button').exists()).toBe(true)
  })

  it('says clearly when nobody in the group is the salesperson\'s customer', async () => {
    const wrapper = await open('wrNone', view('wrNone', [member('wmX', '路人', false)]))
    expect(wrapper.get('[data-testid="group-no-customers"]').text()).toContain('这个群里没有你的客户')
    expect(wrapper.emitted('choose')).toBeUndefined()
  })

  it('shows the avatar and company of a customer this device has opened before', async () => {
    const known = context
    contextCache.write('zhangwei', known.customer.externalUserId, { ...known, customer: { ...known.customer, avatar: 'https://example.test/a.png', corpName: '某某公司' } })
    const wrapper = await open('wrKnown', view('wrKnown', [member(known.customer.externalUserId, '张三', true), member('wmY', '乙', true)]))
    expect(wrapper.get(`[data-testid="group-member-${known.customer.externalUserId}"]`).text()).toContain('某某公司')
    expect(wrapper.get(`[data-testid="group-member-${known.customer.externalUserId}"] img`).attributes('src')).toBe('https://example.test/a.png')
  })

  it.each([
    ['NOT_GROUP_MEMBER', 403, '你不在这个客户群里', false],
    ['GROUP_DISMISSED', 410, '客户群已解散', false],
    ['UPSTREAM_UNAVAILABLE', 503, '加载失败', true],
  ])('shows %s with its title, the server\'s message and a retry only when it can help', async (code, status, title, canRetry) => {
    const wrapper = await open(`wr${code}`, errorReply(status, code, '服务器说的原因'))
    expect(wrapper.get('[data-testid="group-problem"] h1').text()).toBe(title)
    expect(wrapper.get('[data-testid="group-problem-message"]').text()).toBe('服务器说的原因')
    expect(wrapper.find('[data-testid="group-retry"]').exists()).toBe(canRetry)
  })
})
