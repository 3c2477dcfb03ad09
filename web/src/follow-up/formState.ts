import type { UploadedFile } from '@app/shared'

/** What the salesperson has put into one module; which field is used depends on the module's type. */
export interface ModuleAnswerDraft {
  optionId?: number
  /** Checkbox: the chosen options, in the order of the template. */
  optionIds?: number[]
  text?: string
  files?: UploadedFile[]
  location?: { lat: number, lng: number, address?: string }
}

export type NextContactChoice = 'tomorrow' | 'in3days' | 'in1week' | 'custom' | 'none'

export interface NextContactDraft {
  choice: NextContactChoice
  /** ISO time, used when choice is 'custom'. */
  customTime: string | null
  remindMinutes: number
  scheduleName: string
  lengthMinutes: number
}

/** Everything typed into the form for one (customer, opportunity); this is what drafts store. */
export interface FollowUpForm {
  stageId: number
  /** The opportunity's stage on the server when this form was made: a draft never overrides a newer server stage. */
  baseStageId: number
  templateId: number
  answers: Record<string, ModuleAnswerDraft>
  result: string
  actualStartTime: string
  /** null means "when I press submit". */
  actualEndTime: string | null
  remark: string
  next: NextContactDraft
}

export const REMIND_CHOICES = [
  { value: 15, label: '15 分钟' },
  { value: 30, label: '30 分钟' },
  { value: 60, label: '1 小时' },
  { value: 24 * 60, label: '1 天' },
] as const

export function defaultScheduleName(customerName: string) {
  return `跟进 ${customerName}`.slice(0, 100)
}
