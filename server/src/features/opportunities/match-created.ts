import type { Opportunity } from '@app/shared'

const createdAt = (opportunity: Opportunity) => (opportunity.createTime ? Date.parse(opportunity.createTime) : Number.NaN)

/**
 * The opportunity create-business made, found by listing again (谱蓝云 answers no id): one that was not there
 * before, on the line and process asked for when the list reports them. Several such (a colleague created one at the
 * same moment) resolve to the newest only when their creation times say so; otherwise null: the caller says it
 * cannot tell rather than guessing.
 */
export function matchCreated(before: readonly Opportunity[], after: readonly Opportunity[], wanted: { lineId: number, processId: number }): Opportunity | null {
  const known = new Set(before.map(opportunity => opportunity.businessId))
  const candidates = after.filter(opportunity =>
    !known.has(opportunity.businessId)
    && (opportunity.lineId === undefined || opportunity.lineId === wanted.lineId)
    && (opportunity.processId === undefined || opportunity.processId === wanted.processId))
  if (candidates.length <= 1)
    return candidates[0] ?? null
  const times = candidates.map(createdAt)
  if (times.some(Number.isNaN))
    return null
  const newest = Math.max(...times)
  const newestOnes = candidates.filter((_, index) => times[index] === newest)
  return newestOnes.length === 1 ? newestOnes[0]! : null
}
