import type { FollowTemplate, FollowUpSubmission } from '@app/shared'

/**
 * The first answers of a submission in a few words ("价格问题 · 客户希望再优惠"), in the template's order, so rows in
 * the recent list can be told apart.
 */
export function firstAnswer(submission: Pick<FollowUpSubmission, 'detailList' | 'remark'>, template: FollowTemplate | null): string | undefined {
  const words: string[] = []
  for (const module of template?.modules ?? []) {
    const answer = submission.detailList.find(a => a.moduleId === module.moduleId)
    const text = answer?.detail.map(d => d.content ?? d.fileName).filter(Boolean).join('、')
    if (text && words.length < 2)
      words.push(text)
  }
  return (words.join(' · ') || submission.remark || '').slice(0, 80) || undefined
}
