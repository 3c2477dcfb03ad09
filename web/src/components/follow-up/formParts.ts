import type { ModuleControl } from '@app/shared/constants'
import type { Component } from 'vue'

// Parts of the form that are files of their own, not part of the first screen's download. The first frame shows the
// customer, the opportunity, the first question (templates mostly open with a choice) and the button; what is below
// it arrives next.

/** The result, the times, the memo and the next contact. */
export const loadFormRest = () => import('./FollowUpFormRest.vue')
/** Text questions, with Vant's field. */
const loadText = () => import('./FollowUpModuleText.vue')
const loadLocation = () => import('./FollowUpModuleLocation.vue')

/**
 * The view of each question type but the choice (which is part of the first screen). The uploader brings an image
 * previewer with it; checkboxes, numbers and dates are used by few templates: each is loaded with the first template
 * that has it.
 */
export const MODULE_VIEW_LOADERS: Record<Exclude<ModuleControl, 'Radio'>, () => Promise<{ default: Component }>> = {
  Checkbox: () => import('./FollowUpModuleCheckbox.vue'),
  Attachment: () => import('./FollowUpModuleAttachment.vue'),
  Location: loadLocation,
  Number: () => import('./FollowUpModuleNumber.vue'),
  Date: () => import('./FollowUpModuleDate.vue'),
  TextArea: loadText,
  Text: loadText,
}

/**
 * Asks for the parts most forms show below the first question, as soon as the app runs: on a first visit they download
 * during the context request, and later visits take them from the cache.
 */
export function prefetchFormParts(): void {
  for (const load of [loadFormRest, loadText, loadLocation])
    void load().catch(() => {})
}
