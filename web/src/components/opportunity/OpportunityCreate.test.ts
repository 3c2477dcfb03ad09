import type { CustomerContext, Opportunity } from '@app/shared'
import type { Platform } from '../../platform'
import type { FakeReply } from '../../testing/fakeServer'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import FollowUpPage from '../../pages/FollowUpPage.vue'
import { errorReply, installFakeServer } from '../../testing/fakeServer'
import { context, opportunity } from '../../testing/fixtures'

const platform: Platform = {
  kind: 'sandbox',
  desktop: false,
  ready: async () => {},
  getEntry: async () => 'single_chat_tools',
  getCurExternalContact: async () => 'wmCustomer1',
  getCurExternalChat: async () => 'wrGroup1',
  getLocation: async () => ({ lat: 31.2304, lng: 121.4737, address: '人民广场' }),
}
const lines = [
  { lineId: 1, lineName: 'SCRM 软件', processes: [{ processId: 11, processName: '标准销售流程' }] },
  { lineId: 2, lineName: '客户成功服务', processes: [{ processId: 21, processName: '标准' }, { processId: 22, processName: '续约' }] },
]
const created: Opportunity = opportunity({ businessId: 300, businessName: '新商机', stageId: 1 })
const withLines: CustomerContext = { ...context, opportunities: [], businessLines: lines }

describe('新建商机 on the follow-up page', () => {
  let server: ReturnType<typeof installFakeServer>
  let reply: () => FakeReply

  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
    server = installFakeServer()
    reply = () => ({ status: 201, body: { idempotencyKey: 'k', opportunity: created, opportunities: [created] } })
    server.on('POST', '/api/opportunities', () => reply())
  })
  afterEach(() => {
    server.restore()
    document.body.innerHTML = ''
  })

  const posted = () => server.requests.filter(r => r.url === '/api/opportunities')
  const click = async (testid: string) => {
    document.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!.click()
    await flushPromises()
  }
  async function openSheet(ctx = withLines) {
    const wrapper = mount(FollowUpPage, { props: { context: ctx, platform, openedAt: new Date('2026-03-02T01:00:00.000Z') }, attachTo: document.body })
    await flushPromises()
    await wrapper.get('[data-testid="opportunity-create-open"]').trigger('click')
    await vi.waitFor(() => expect(document.querySelector('[data-testid="create-submit"]')).not.toBeNull())
    return wrapper
  }

  it('is the main action without opportunities, and not offered without business lines', async () => {
    const without = mount(FollowUpPage, { props: { context: { ...context, opportunities: [] }, platform, openedAt: new Date() } })
    await flushPromises()
    expect(without.find('[data-testid="opportunity-create-open"]').exists()).toBe(false)
    expect(without.get('[data-testid="opportunity-empty"]').text()).toContain('请先在谱蓝云')
    without.unmount()
    const wrapper = mount(FollowUpPage, { props: { context: withLines, platform, openedAt: new Date() } })
    await flushPromises()
    expect(wrapper.get('[data-testid="opportunity-empty"]').text()).toContain('先新建一个')
    expect(wrapper.get('[data-testid="opportunity-create-open"]').classes()).toContain('van-button--primary')
    wrapper.unmount()
  })

  it('creates once with the chosen line and process, then shows the form on the new opportunity', async () => {
    const wrapper = await openSheet()
    await click('create-line-2')
    await click('create-process-22')
    await click('create-submit')
    expect(posted()).toHaveLength(1)
    expect(posted()[0]!.body).toEqual({ externalUserId: 'wmCustomer1', lineId: 2, processId: 22 })
    expect(posted()[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    await vi.waitFor(() => expect(wrapper.get('[data-testid="opportunity-300"]').attributes('aria-checked')).toBe('true'))
    expect(wrapper.find('[data-testid="stage-1"]').attributes('aria-checked')).toBe('true')
    wrapper.unmount()
  })

  it('keeps the choices after a failure and retries the same body under the same key; another body gets a new key', async () => {
    reply = () => errorReply(503, 'UPSTREAM_UNAVAILABLE', '谱蓝云暂时无法访问，请稍后再试')
    const wrapper = await openSheet()
    await click('create-line-1')
    await click('create-submit')
    expect(document.querySelector('[data-testid="create-problem"]')!.textContent).toContain('谱蓝云暂时无法访问')
    expect(document.querySelector('[data-testid="create-process-11"]')!.getAttribute('aria-checked')).toBe('true')
    await click('create-submit')
    await click('create-line-2')
    await click('create-process-21')
    await click('create-submit')
    const keys = posted().map(request => request.headers['idempotency-key'])
    expect(keys[0]).toBe(keys[1])
    expect(keys[2]).not.toBe(keys[0])
    wrapper.unmount()
  })

  it('offline, sends nothing and says creating needs the network', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const wrapper = await openSheet()
    await click('create-line-1')
    await click('create-submit')
    expect(posted()).toHaveLength(0)
    expect(document.querySelector('[data-testid="create-problem"]')!.textContent).toContain('需要网络')
    online.mockRestore()
    wrapper.unmount()
  })

  it('says so when the server could not tell which opportunity is new', async () => {
    reply = () => ({ status: 201, body: { idempotencyKey: 'k', opportunity: null, opportunities: [created, opportunity({ businessId: 301 })] } })
    const wrapper = await openSheet()
    await click('create-line-1')
    await click('create-submit')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="create-notice"]').text()).toContain('无法确定'))
    expect(wrapper.find('[data-testid="opportunity-300"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="opportunity-301"]').exists()).toBe(true)
    wrapper.unmount()
  })
})
