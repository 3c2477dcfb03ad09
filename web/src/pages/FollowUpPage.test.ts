import type { Platform } from '../platform'
import type { FakeReply } from '../testing/fakeServer'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { afterPaint } from '../afterPaint'
import { loadFormRest, MODULE_VIEW_LOADERS } from '../components/follow-up/formParts'
import { loadDraft } from '../drafts/draftStorage'
import { useSessionStore } from '../stores/session'
import { errorReply, installFakeServer } from '../testing/fakeServer'
import { context, opportunity } from '../testing/fixtures'
import FollowUpPage from './FollowUpPage.vue'

const platform: Platform = {
  kind: 'sandbox',
  desktop: false,
  ready: async () => {},
  getEntry: async () => 'single_chat_tools',
  getCurExternalContact: async () => 'wmCustomer1',
  getCurExternalChat: async () => 'wrGroup1',
  getLocation: async () => ({ lat: 31.2304, lng: 121.4737, address: '人民广场' }),
}

/** The form's own files are in (their first import compiles them, which a busy machine may take a while for). */
async function formParts() {
  await Promise.all([loadFormRest(), ...Object.values(MODULE_VIEW_LOADERS).map(load => load())])
  await flushPromises()
}

describe('the follow-up page', () => {
  let server: ReturnType<typeof installFakeServer>
  let reply: (key: string) => FakeReply

  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
    // The page only shows for a signed-in salesperson; the pending queue is theirs.
    useSessionStore().me = { wecomUserId: 'zhangwei', pulanUserId: 101, name: '张伟' }
    server = installFakeServer()
    reply = key => ({ status: 201, body: {
      idempotencyKey: key,
      businessId: 100,
      stageId: 1,
      templateId: 7,
      templateName: '拜访记录',
      version: 3,
      userId: 8,
      actualStartTime: '2026-03-02T01:00:00.000Z',
      actualEndTime: '2026-03-02T02:00:00.000Z',
      nextContactTime: '2026-03-03T01:30:00.000Z',
      submittedAt: '2026-03-02T02:00:00.000Z',
    } })
    server.on('POST', '/api/follow-ups', request => reply(request.headers['idempotency-key']!))
  })
  afterEach(() => server.restore())

  function mountPage(ctx = context) {
    return mount(FollowUpPage, { props: { context: ctx, platform, openedAt: new Date('2026-03-02T01:00:00.000Z') }, attachTo: document.body })
  }
  /**
   * The page with its whole form: the part below the fold renders once the first frame has been painted, and the parts
   * that are files of their own (text questions, the location, the form below the questions) once they are in.
   */
  async function open(ctx = context) {
    const wrapper = mountPage(ctx)
    await flushPromises()
    await afterPaint()
    await formParts()
    await flushPromises()
    return wrapper
  }
  async function fillRequired(wrapper: Awaited<ReturnType<typeof open>>) {
    await wrapper.get('[data-testid="module-11-option-2"]').trigger('click')
    await wrapper.get('[data-testid="module-13-input"] textarea').setValue('谈了报价')
    await flushPromises()
  }
  const posted = () => server.requests.filter(r => r.url === '/api/follow-ups')

  it('pre-selects the only open opportunity and fills the location', async () => {
    const wrapper = await open({ ...context, opportunities: [opportunity({ businessId: 1, status: 'won' }), opportunity({ businessId: 2 })] })
    // The only open one is folded to one line; unfolded, the picker has it selected.
    expect(wrapper.get('[data-testid="opportunity-compact"]').text()).toContain('年度采购')
    await wrapper.get('[data-testid="opportunity-compact"]').trigger('click')
    expect(wrapper.get('[data-testid="opportunity-2"]').attributes('aria-checked')).toBe('true')
    expect(wrapper.get('[data-testid="customer-header"]').text()).toContain('张三')
    await vi.waitFor(() => expect(wrapper.get('[data-module-id="15"]').text()).toContain('人民广场'))
    wrapper.unmount()
  })

  it('paints the customer, the opportunity, the first question and the button first, then the rest of the form', async () => {
    const wrapper = mountPage()
    await flushPromises()
    expect(wrapper.get('[data-testid="customer-header"]').text()).toContain('张三')
    expect(wrapper.find('[data-testid="submit"]').exists()).toBe(true)
    const firstModule = context.templates[0]!.modules[0]!.moduleId
    const laterModule = context.templates[0]!.modules.at(-1)!.moduleId
    expect(wrapper.find(`[data-module-id="${firstModule}"]`).exists()).toBe(true)
    expect(wrapper.find(`[data-module-id="${laterModule}"]`).exists()).toBe(false)
    expect(wrapper.find('[data-testid="remark"]').exists()).toBe(false)

    await afterPaint()
    await formParts()
    await flushPromises()
    expect(wrapper.find(`[data-module-id="${laterModule}"]`).exists()).toBe(true)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="remark"]').exists()).toBe(true))
    wrapper.unmount()
  })

  it('shows an empty state when the customer has no opportunity', async () => {
    const wrapper = await open({ ...context, opportunities: [] })
    expect(wrapper.find('[data-testid="opportunity-empty"]').exists()).toBe(true)
    expect(wrapper.get('[data-testid="submit"]').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('shows what is missing next to each module and sends nothing', async () => {
    const wrapper = await open()
    await wrapper.get('[data-testid="submit"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-module-id="11"]').text()).toContain('「拜访方式」是必填项')
    expect(wrapper.get('[data-module-id="13"]').text()).toContain('「沟通内容」是必填项')
    expect(posted()).toHaveLength(0)
    wrapper.unmount()
  })

  it('plans no next contact unless the salesperson taps one, and says so by the button', async () => {
    const wrapper = await open()
    await fillRequired(wrapper)
    expect(wrapper.get('[data-testid="submit-summary"]').text()).toContain('不安排下次联系')
    await wrapper.get('[data-testid="submit"]').trigger('click')
    await flushPromises()
    expect(posted()[0]?.body).not.toHaveProperty('nextTime')
    wrapper.unmount()
  })

  it('submits the answers and shows the confirmation with the next contact', async () => {
    const wrapper = await open()
    await fillRequired(wrapper)
    await wrapper.get('[data-testid="next-contact-tomorrow"]').trigger('click')
    expect(wrapper.get('[data-testid="submit-summary"]').text()).toContain('将创建日程')
    await wrapper.get('[data-testid="submit"]').trigger('click')
    await flushPromises()
    expect(posted()[0]?.body).toMatchObject({
      externalUserId: 'wmCustomer1',
      businessId: 100,
      templateId: 7,
      result: 'finish',
      detailList: [
        { moduleId: 11, detail: [{ optionId: 2, content: '电话' }] },
        { moduleId: 13, detail: [{ content: '谈了报价' }] },
        { moduleId: 15, detail: [{ lat: 31.2304, lng: 121.4737, content: '人民广场' }] },
      ],
      nextTime: { scheduleName: '跟进 张三', nextRemindLength: 30, nextTimeLength: 30 },
    })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="success"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="success-next-contact"]').text()).toContain('下次联系')
    expect(loadDraft('wmCustomer1', 100)).toBeNull()
    wrapper.unmount()
  })

  it('on a 422 shows the message, keeps the draft and allows a corrected submission', async () => {
    reply = () => errorReply(422, 'STAGE_NOT_ALLOWED', '这个阶段现在不能选')
    const wrapper = await open()
    await fillRequired(wrapper)
    await wrapper.get('[data-testid="submit"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="form-error"]').text()).toBe('这个阶段现在不能选')
    expect(loadDraft('wmCustomer1', 100)?.answers['13']).toEqual({ text: '谈了报价' })
    expect(wrapper.get('[data-testid="submit"]').attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  })

  it('on a network failure shows the pending banner and waits instead of submitting twice', async () => {
    reply = () => 'network-error'
    const wrapper = await open()
    await fillRequired(wrapper)
    await wrapper.get('[data-testid="submit"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="pending-banner"]').text()).toContain('已保存，网络恢复后自动提交')
    expect(wrapper.get('[data-testid="submit"]').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('maps the server\'s field errors next to the fields', async () => {
    reply = () => errorReply(400, 'VALIDATION_FAILED', '请检查填写内容', { 'detailList.1.detail.0': ['内容太长'], 'actualEndTime': ['结束时间不对'] })
    const wrapper = await open()
    await fillRequired(wrapper)
    await wrapper.get('[data-testid="submit"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-module-id="13"]').text()).toContain('内容太长')
    expect(wrapper.get('[data-slot="times"]').text()).toContain('结束时间不对')
    wrapper.unmount()
  })
})
