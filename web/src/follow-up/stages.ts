import type { Opportunity, Stage } from '@app/shared'

/** Whether moving to this stage ends the opportunity: the stage says so, or (when it does not) its name does. */
export function closingStage(stage: Stage): 'won' | 'lost' | null {
  if (stage.closed)
    return stage.closed
  if (/输单|丢单|失败/.test(stage.stageName))
    return 'lost'
  if (/赢单|成交|完成/.test(stage.stageName))
    return 'won'
  return null
}

export function stagesOf(opportunity: Opportunity): Stage[] {
  return opportunity.stages.length > 0 ? opportunity.stages : [{ stageId: opportunity.stageId, stageName: opportunity.stageName }]
}

export function stageName(opportunity: Opportunity, stageId: number): string {
  return stagesOf(opportunity).find(s => s.stageId === stageId)?.stageName ?? ''
}

/** The stage change a submission makes, or null when it leaves the stage as the server has it. */
export function stageChange(opportunity: Opportunity, stageId: number): { from: string, to: string, closing: 'won' | 'lost' | null } | null {
  if (stageId === opportunity.stageId)
    return null
  const to = stagesOf(opportunity).find(s => s.stageId === stageId)
  return to ? { from: opportunity.stageName, to: to.stageName, closing: closingStage(to) } : null
}
