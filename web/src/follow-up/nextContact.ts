import type { NextTime } from '@app/shared'
import type { NextContactChoice, NextContactDraft } from './formState'

export const NEXT_CONTACT_CHOICES: { value: NextContactChoice, label: string }[] = [
  { value: 'none', label: '不安排' },
  { value: 'tomorrow', label: '明天上午' },
  { value: 'in3days', label: '3天后' },
  { value: 'in1week', label: '1周后' },
  { value: 'custom', label: '自定义' },
]

const DAYS: Partial<Record<NextContactChoice, number>> = { tomorrow: 1, in3days: 3, in1week: 7 }

/** The chosen next contact as a Date: day chips land at 09:30 local time, a working morning. */
export function nextContactDate(next: Pick<NextContactDraft, 'choice' | 'customTime'>, now: Date): Date | null {
  if (next.choice === 'none')
    return null
  if (next.choice === 'custom')
    return next.customTime ? new Date(next.customTime) : null
  const date = new Date(now)
  date.setDate(date.getDate() + (DAYS[next.choice] ?? 1))
  date.setHours(9, 30, 0, 0)
  return date
}

/** Where the custom picker opens: the next working morning (09:30 tomorrow), never a time already past. */
export function suggestedNextContact(now: Date): Date {
  return nextContactDate({ choice: 'tomorrow', customTime: null }, now)!
}

/** The `nextTime` of the submission, or undefined when no next contact is planned. */
export function buildNextTime(next: NextContactDraft, now: Date): NextTime | undefined {
  const date = nextContactDate(next, now)
  if (!date)
    return undefined
  return {
    scheduleName: next.scheduleName.trim(),
    nextContactTime: date.toISOString(),
    nextTimeLength: next.lengthMinutes,
    nextRemindLength: next.remindMinutes,
  }
}
