import type { FollowTemplate, FollowUpSubmission } from '@app/shared'

/** The first answer of a submission in a few words ("价格问题"), so rows in the recent list can be told apart. */
export function firstAnswer(submission: Pick<FollowUpSubmission, 'detailList' | 'remark'>, template: FollowTemplate | null): string | undefined {
  for (const module of template?.modules ?? []) {
    const answer = submission.detailList.find(a => a.moduleId === module.moduleId)
    const words = answer?.detail.map(d => d.content ?? d.fileName).filter(Boolean).join('、')
    if (words)
      return words.slice(0, 60)
  }
  return submission.remark?.slice(0, 60) || undefined
}
