import type { OutboxStatus } from '../storage/outboxStorage'
import type { NextContactDraft } from './formState'
import { formatDateTime } from './format'
import { REMIND_CHOICES } from './formState'
import { nextContactDate } from './nextContact'

/** One line by the submit button saying what the submission will schedule in 谱蓝云, or that it schedules nothing. */
export function submitSummary(next: NextContactDraft, now: Date): string {
  const when = nextContactDate(next, now)
  if (!when)
    return next.choice === 'custom' ? '请选择下次联系时间' : '不安排下次联系（不创建日程）'
  const remind = REMIND_CHOICES.find(c => c.value === next.remindMinutes)?.label ?? `${next.remindMinutes} 分钟`
  return `将创建日程：${formatDateTime(when, now)}，提前 ${remind} 提醒`
}

/** Where a submission waiting in the outbox stands, said where the salesperson is looking: by the button. */
export function submitStatus(status: OutboxStatus): string {
  switch (status) {
    case 'sending': return '正在提交…'
    case 'pending': return '已保存在本机，网络恢复后自动提交，可以关闭页面'
    case 'unknown': return '提交结果未知，正在确认（见页面顶部）'
    case 'failed': return ''
  }
}
