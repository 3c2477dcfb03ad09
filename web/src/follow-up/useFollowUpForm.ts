import type { CustomerContext } from '@app/shared'
import type { Ref } from 'vue'
import type { FollowUpForm } from './formState'
import { computed, ref, watch } from 'vue'
import { clearDraft, lastDraftBusiness, loadDraft } from '../drafts/draftStorage'
import { useDraftAutosave } from '../drafts/useDraftAutosave'
import { draftContent } from './draftContent'
import { freshForm, reconcileDraft } from './freshForm'
import { lastTemplateId } from './lastTemplate'
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
  const autosave = useDraftAutosave(form, target, f => draftContent(f, context.value))
  const fresh = (at: Date) => freshForm(context.value, opportunity.value!, at, lastTemplateId())

  function selectOpportunity(id: number) {
    const chosen = context.value.opportunities.find(o => o.businessId === id)
    if (!chosen)
      return
    autosave.flush()
    businessId.value = id
    const draft = loadDraft(externalUserId.value, id)
    const empty = fresh(openedAt)
    restored.value = draft !== null
    form.value = draft ? reconcileDraft(draft, empty, context.value, chosen) : empty
    autosave.markPristine()
  }

  /**
   * The salesperson taps another opportunity. What they entered goes with them when that opportunity has no draft of
   * its own (they picked the wrong one first); when it has one, they are asked first (this one's draft stays saved).
   */
  async function switchOpportunity(id: number) {
    const chosen = context.value.opportunities.find(o => o.businessId === id)
    const from = businessId.value
    if (!chosen || id === from)
      return
    const entered = form.value && (restored.value || !autosave.isPristine())
    if (entered && from !== null && !loadDraft(externalUserId.value, id)) {
      clearDraft(externalUserId.value, from)
      businessId.value = id
      form.value = { ...form.value!, stageId: chosen.stageId, baseStageId: chosen.stageId }
      restored.value = false
      autosave.flush()
      return
    }
    if (entered) {
      const { confirmAction } = await import('./confirm')
      if (!await confirmAction('切换商机？', `「${chosen.businessName}」有自己的草稿，切换后显示那份；当前填写的内容仍保存在「${opportunity.value?.businessName ?? ''}」下。`, '切换'))
        return
    }
    selectOpportunity(id)
  }

  /** After a confirmed submission: a clean form, started now. */
  function reset() {
    if (!opportunity.value)
      return
    form.value = fresh(new Date())
    restored.value = false
    autosave.markPristine()
  }

  /** 清空草稿: forget what was typed for this opportunity and start over. */
  function discardDraft() {
    if (businessId.value !== null)
      clearDraft(externalUserId.value, businessId.value)
    reset()
  }

  // The server's stage moved (this submission, another device, a fresher context after the cached one): a stage the
  // salesperson did not pick follows it, so the next log never sends the old stageId.
  watch(() => opportunity.value?.stageId, (serverStage) => {
    const current = form.value
    if (!current || serverStage === undefined || current.baseStageId === serverStage)
      return
    const untouched = autosave.isPristine()
    form.value = { ...current, baseStageId: serverStage, stageId: current.stageId === current.baseStageId ? serverStage : current.stageId }
    if (untouched)
      autosave.markPristine()
  })

  function initialBusinessId() {
    const last = lastDraftBusiness(externalUserId.value)
    if (last && context.value.opportunities.some(o => o.businessId === last) && loadDraft(externalUserId.value, last))
      return last
    return defaultOpportunity(context.value.opportunities)?.businessId ?? null
  }

  const initial = initialBusinessId()
  if (initial !== null)
    selectOpportunity(initial)

  return { businessId, form, opportunity, template, restored, selectOpportunity, switchOpportunity, reset, discardDraft, flushDraft: autosave.flush }
}
