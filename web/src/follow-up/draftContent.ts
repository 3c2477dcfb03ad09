import type { CustomerContext } from '@app/shared'
import type { FollowUpForm } from './formState'
import { moduleControl } from '@app/shared/constants'

/**
 * The part of the form that only the salesperson puts there: a location the page filled in by itself is left out,
 * so an untouched form is never saved (or announced) as a draft.
 */
export function draftContent(form: FollowUpForm, context: CustomerContext): string {
  const template = context.templates.find(t => t.templateId === form.templateId)
  const located = new Set(template?.modules.filter(m => moduleControl(m.moduleType) === 'Location').map(m => String(m.moduleId)))
  const answers = Object.fromEntries(Object.entries(form.answers).filter(([id]) => !located.has(id)))
  return JSON.stringify({ ...form, answers })
}
