import type { FollowUpForm } from '../follow-up/formState'
import { vi } from 'vitest'
import { ref } from 'vue'
import { useFollowUpSubmit } from '../follow-up/useFollowUpSubmit'
import { context } from './fixtures'

/** useFollowUpSubmit on the fixture's first opportunity and template, with a form that only names the template. */
export function submitHarness() {
  const template = context.templates[0]!
  const form = ref<FollowUpForm | null>({ templateId: template.templateId } as FollowUpForm)
  const reset = vi.fn()
  const submit = useFollowUpSubmit({
    externalUserId: ref(context.customer.externalUserId),
    customerName: ref(context.customer.name),
    form,
    opportunity: ref(context.opportunities[0]!),
    template: ref(template),
    reset,
    flushDraft: vi.fn(),
    refresh: vi.fn(),
  })
  return { submit, form, reset, untouched: { templateId: template.templateId } }
}
