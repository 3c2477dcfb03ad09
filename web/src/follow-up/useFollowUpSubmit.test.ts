import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { context } from '../testing/fixtures'
import { FLOW_MISSING, useFollowUpSubmit } from './useFollowUpSubmit'

// What 提交 runs is a file of its own: here it does not arrive (a dropped connection).
vi.mock('./submitFlow', () => {
  throw new TypeError('Failed to fetch dynamically imported module')
})

describe('提交 when its code did not arrive', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('says so in Chinese, keeps the form and the draft, and is not left busy', async () => {
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
    await submit.submit()
    expect(submit.errors.value.form).toBe(FLOW_MISSING)
    expect(FLOW_MISSING).toContain('草稿')
    expect(submit.busy.value).toBe(false)
    expect(reset).not.toHaveBeenCalled()
    expect(form.value).toEqual({ templateId: template.templateId })
  })
})
