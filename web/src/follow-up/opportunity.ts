import type { Opportunity } from '@app/shared'

function followedAt(opportunity: Opportunity) {
  const time = opportunity.lastFollowTime ? Date.parse(opportunity.lastFollowTime) : Number.NaN
  return Number.isNaN(time) ? -Infinity : time
}

/** The only open opportunity; else the most recently followed (open ones first); null when there is none. */
export function defaultOpportunity(opportunities: readonly Opportunity[]): Opportunity | null {
  const open = opportunities.filter(o => o.status === 'open')
  if (open.length === 1)
    return open[0]!
  const pool = open.length > 0 ? open : opportunities
  let best: Opportunity | null = null
  for (const candidate of pool) {
    if (!best || followedAt(candidate) > followedAt(best))
      best = candidate
  }
  return best
}

export const OPPORTUNITY_STATUS_LABEL: Record<Opportunity['status'], string> = {
  open: '进行中',
  won: '已赢单',
  lost: '已输单',
}
