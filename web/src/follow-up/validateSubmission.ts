import type { FieldErrors, FollowTemplate, FollowUpSubmission } from '@app/shared'
import type { FollowUpForm } from './formState'
import type { FormErrors } from './validate'
import { nextTimeProblems, FollowUpSubmission as SubmissionSchema, templateProblems, toFieldErrors } from '@app/shared'
import { toFormErrors } from './validate'

// The form's rules with the shared schemas (zod): a chunk of its own, loaded when the salesperson first submits or
// once the first screen is up, so it is not part of the first screen.

/** The same checks the server makes, with the same shared schemas, plus what only the form knows. */
export function validateSubmission(submission: FollowUpSubmission, template: FollowTemplate, form: FollowUpForm, now = new Date()): FormErrors {
  const parsed = SubmissionSchema.safeParse(submission)
  const fieldErrors: FieldErrors = parsed.success ? {} : toFieldErrors(parsed.error.issues)
  for (const [key, messages] of Object.entries(templateProblems(template, submission)))
    (fieldErrors[key] ??= []).push(...messages)
  for (const [key, messages] of Object.entries(nextTimeProblems(submission.nextTime, now)))
    (fieldErrors[key] ??= []).push(...messages)
  if (form.next.choice === 'custom' && !form.next.customTime)
    (fieldErrors['nextTime.nextContactTime'] ??= []).unshift('请选择下次联系时间')
  return toFormErrors(fieldErrors, submission)
}
