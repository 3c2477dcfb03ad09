import type { CustomerContext } from '@app/shared'
import type { Ref } from 'vue'
import type { FollowUpForm } from './formState'
import { computed, ref } from 'vue'
import { lastDraftBusiness, loadDraft } from '../drafts/draftStorage'
import { useDraftAutosave } from '../drafts/useDraftAutosave'
import { freshForm, reconcileDraft } from './freshForm'
import { defaultOpportunity } from './opportunity'

/** The form for one customer: which opportunity, its draft, and the template it follows. */
export function useFollowUpForm(context: Ref<CustomerContext>, openedAt: Date) {
  const businessId = ref<number | null>(null)
  const form = ref<FollowUpForm | null>(null)
  const restored = ref(false)
  const externalUserId = computed(() => context.value.customer.externalUserId)
  const opportunity = computed(() => context.value.opportunities.find(o => o.businessId === businessId.value) ?? null)
  const template = computed(() => context.value.templates.find(t => t.templateId === form.value?.templateId) ?? null)
  const target = computed(() => (businessId.value === null ? null : { externalUserId: externalUserId.value, businessId: businessId.value }))
  const autosave = useDraftAutosave(form, target)

  function selectOpportunity(id: number) {
    const chosen = context.value.opportunities.find(o => o.businessId === id)
    if (!chosen)
      return
    autosave.flush()
    businessId.value = id
    const fresh = freshForm(context.value, chosen, openedAt)
    const draft = loadDraft(externalUserId.value, id)
    restored.value = draft !== null
    form.value = draft ? reconcileDraft(draft, fresh, context.value, chosen) : fresh
    autosave.markPristine()
  }

  /** After a confirmed submission: a clean form, started now. */
  function reset() {
    if (!opportunity.value)
      return
    form.value = freshForm(context.value, opportunity.value, new Date())
    restored.value = false
    autosave.markPristine()
  }

  function initialBusinessId() {
    const last = lastDraftBusiness(externalUserId.value)
    if (last && context.value.opportunities.some(o => o.businessId === last) && loadDraft(externalUserId.value, last))
      return last
    return defaultOpportunity(context.value.opportunities)?.businessId ?? null
  }

  const initial = initialBusinessId()
  if (initial !== null)
    selectOpportunity(initial)

  return { businessId, form, opportunity, template, restored, selectOpportunity, reset, flushDraft: autosave.flush }
}
