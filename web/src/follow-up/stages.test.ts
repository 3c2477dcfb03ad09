import { describe, expect, it } from 'vitest'
import { opportunity } from '../testing/fixtures'
import { closingStage, stageChange } from './stages'

describe('closing stages', () => {
  it.each([
    [{ stageId: 1, stageName: '签约', closed: 'won' as const }, 'won'],
    [{ stageId: 1, stageName: '输单' }, 'lost'],
    [{ stageId: 1, stageName: '赢单' }, 'won'],
    [{ stageId: 1, stageName: '方案报价' }, null],
  ])('reads %j as %s', (stage, expected) => {
    expect(closingStage(stage)).toBe(expected)
  })

  it('describes a move to another stage, and none when the stage stays', () => {
    const current = opportunity({ stages: [{ stageId: 1, stageName: '初步接洽' }, { stageId: 9, stageName: '输单' }] })
    expect(stageChange(current, 9)).toEqual({ from: '初步接洽', to: '输单', closing: 'lost' })
    expect(stageChange(current, 1)).toBeNull()
  })
})
