import type { Opportunity } from '@app/shared'
import { describe, expect, it } from 'vitest'
import { matchCreated } from './match-created'

const stages = [{ stageId: 10, stageName: '初步接洽' }]
function opportunity(businessId: number, extra: Partial<Opportunity> = {}): Opportunity {
  return { businessId, businessName: `商机 ${businessId}`, stageId: 10, stageName: '初步接洽', stages, status: 'open', ...extra }
}
const wanted = { lineId: 1, processId: 11 }
const existing = opportunity(1001, { lineId: 1, processId: 11 })

describe('matchCreated', () => {
  it.each([
    ['the one new opportunity', [existing, opportunity(3001, { lineId: 1, processId: 11 })], 3001],
    ['a new one when the list does not report line and process', [existing, opportunity(3001)], 3001],
    ['none when nothing new appeared', [existing], null],
    ['none when the only new one is on another line', [existing, opportunity(3001, { lineId: 2, processId: 11 })], null],
    ['none when the only new one follows another process', [existing, opportunity(3001, { lineId: 1, processId: 12 })], null],
    ['the one on the right line among two new ones', [existing, opportunity(3001, { lineId: 2, processId: 21 }), opportunity(3002, { lineId: 1, processId: 11 })], 3002],
    ['the newest of two new ones on the same line and process', [
      opportunity(3001, { lineId: 1, processId: 11, createTime: '2026-11-29T09:00:00Z' }),
      opportunity(3002, { lineId: 1, processId: 11, createTime: '2026-11-29T09:00:05Z' }),
    ], 3002],
    ['none when two new ones cannot be told apart by time', [opportunity(3001), opportunity(3002)], null],
    ['none when two new ones were created at the same moment', [
      opportunity(3001, { createTime: '2026-11-29T09:00:00Z' }),
      opportunity(3002, { createTime: '2026-11-29T09:00:00Z' }),
    ], null],
  ])('finds %s', (_name, after, expected) => {
    expect(matchCreated([existing], after, wanted)?.businessId ?? null).toBe(expected)
  })

  it('never takes an opportunity that was already there, even on the same line', () => {
    expect(matchCreated([existing], [existing], wanted)).toBeNull()
  })
})
