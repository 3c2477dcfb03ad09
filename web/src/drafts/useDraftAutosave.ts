import type { Ref } from 'vue'
import type { FollowUpForm } from '../follow-up/formState'
import { onScopeDispose, watch } from 'vue'
import { saveDraft } from './draftStorage'

export interface DraftTarget { externalUserId: string, businessId: number }

/**
 * Saves the form as it is typed (debounced) and when the page is hidden or closed. Nothing is saved while the form
 * still equals what it was when it was (re)set, so an untouched form leaves no draft; `content` says what counts
 * (what the salesperson entered, not what the page filled in by itself).
 */
export function useDraftAutosave(form: Ref<FollowUpForm | null>, target: Ref<DraftTarget | null>, content: (form: FollowUpForm) => string = f => JSON.stringify(f), delayMs = 300) {
  let pristine = ''
  let timer: ReturnType<typeof setTimeout> | undefined

  function flush() {
    clearTimeout(timer)
    timer = undefined
    if (!form.value || !target.value)
      return
    if (content(form.value) !== pristine)
      saveDraft(target.value.externalUserId, target.value.businessId, JSON.parse(JSON.stringify(form.value)))
  }

  /** Call after loading or resetting the form: the current state becomes the baseline. */
  function markPristine() {
    clearTimeout(timer)
    timer = undefined
    pristine = form.value ? content(form.value) : ''
  }

  /** Whether the form holds nothing the salesperson entered since it was (re)set. */
  function isPristine() {
    return !form.value || content(form.value) === pristine
  }

  watch(form, () => {
    clearTimeout(timer)
    timer = setTimeout(flush, delayMs)
  }, { deep: true })

  const onHide = () => {
    if (document.visibilityState === 'hidden')
      flush()
  }
  document.addEventListener('visibilitychange', onHide)
  window.addEventListener('pagehide', flush)
  onScopeDispose(() => {
    flush()
    document.removeEventListener('visibilitychange', onHide)
    window.removeEventListener('pagehide', flush)
  })
  return { flush, markPristine, isPristine }
}
