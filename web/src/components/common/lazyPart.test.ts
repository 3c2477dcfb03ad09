import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { lazyPart } from './lazyPart'

const Part = defineComponent({ render: () => h('p', { 'data-testid': 'the-part' }, '表单部分') })
/** What a dynamic import resolves to: a module namespace, whose default export is the component. */
const asModule = (component: typeof Part) => ({ __esModule: true, default: component })
const host = (part: ReturnType<typeof lazyPart>) => mount(defineComponent({ render: () => h('div', [h(part)]) }))

describe('a part of the form in its own file', () => {
  it('shows the part once it arrives, trying again when a load fails', async () => {
    const loader = vi.fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue(asModule(Part))
    const wrapper = host(lazyPart(loader, '「备注」这一项'))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="the-part"]').exists()).toBe(true), { timeout: 3000 })
    expect(loader).toHaveBeenCalledTimes(2)
    expect(wrapper.find('[data-testid="part-load-problem"]').exists()).toBe(false)
  })

  it('after three failed loads says what is missing, in Chinese, with a reload that keeps the draft', async () => {
    const loader = vi.fn().mockRejectedValue(new TypeError('Failed to fetch dynamically imported module'))
    const wrapper = host(lazyPart(loader, '「备注」这一项'))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="part-load-problem"]').exists()).toBe(true), { timeout: 4000 })
    expect(loader).toHaveBeenCalledTimes(3)
    expect(wrapper.get('[data-testid="part-load-problem"]').text()).toContain('「备注」这一项没有加载出来')
    expect(wrapper.get('[data-testid="part-load-problem"]').text()).toContain('草稿')
    const reload = vi.fn()
    vi.stubGlobal('location', { ...location, reload })
    await wrapper.get('[data-testid="part-load-reload"]').trigger('click')
    expect(reload).toHaveBeenCalledOnce()
    vi.unstubAllGlobals()
  })

  it('does not wait for good: a part that has not arrived within the limit is reported', async () => {
    const wrapper = host(lazyPart(() => new Promise(() => {}), '表单下半部分', { limitMs: 80 }))
    await flushPromises()
    expect(wrapper.find('[data-testid="part-load-problem"]').exists()).toBe(false)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="part-load-problem"]').text()).toContain('表单下半部分没有加载出来'), { timeout: 2000 })
  })
})
