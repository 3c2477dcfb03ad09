import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { context } from '../testing/fixtures'
import { FLOW_MISSING, useFollowUpSubmit } from './useFollowUpSubmit'

// What 提交 runs is a file of its own: here its download stalls (a connection that neither answers nor drops).
vi.mock('./submitFlow', () => new Promise(() => {}))

describe('提交 when its code is stuck on the way', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.useRealTimers())

  it('waits at most 20 s, then says so in Chinese, keeps the form, and is not left busy', async () => {
    vi.useFakeTimers()
    const flushDraft = vi.fn()
    const reset = vi.fn()
    const opportunity = context.opportunities[0]!
    const template = context.templates[0]!
    const form = ref({ templateId: template.templateId } as never)
    const submit = useFollowUpSubmit({
      externalUserId: ref(context.customer.externalUserId),
      customerName: ref(context.customer.name),
      form,
      opportunity: ref(opportunity),
      template: ref(template),
      reset,
      flushDraft,
      refresh: vi.fn(),
    })
    const tapped = submit.submit()
    await vi.advanceTimersByTimeAsync(100)
    expect(submit.busy.value).toBe(true)
    expect(submit.errors.value.form).toBeUndefined()
    await vi.advanceTimersByTimeAsync(20_000)
    await tapped
    expect(submit.errors.value.form).toBe(FLOW_MISSING)
    expect(FLOW_MISSING).toContain('草稿')
    expect(submit.busy.value).toBe(false)
    expect(reset).not.toHaveBeenCalled()
    expect(form.value).toEqual({ templateId: template.templateId })
  })
})
