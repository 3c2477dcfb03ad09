import { describe, expect, it } from 'vitest'
import { opportunity } from '../testing/fixtures'
import { defaultOpportunity } from './opportunity'

describe('defaultOpportunity', () => {
  it.each([
    ['no opportunities -> none', [], null],
    ['the only open one, even if another was followed later', [
      opportunity({ businessId: 1, status: 'open', lastFollowTime: '2026-01-01T00:00:00Z' }),
      opportunity({ businessId: 2, status: 'won', lastFollowTime: '2026-03-01T00:00:00Z' }),
    ], 1],
    ['the most recently followed open one when several are open', [
      opportunity({ businessId: 1, lastFollowTime: '2026-01-01T00:00:00Z' }),
      opportunity({ businessId: 2, lastFollowTime: '2026-02-01T00:00:00Z' }),
      opportunity({ businessId: 3 }),
    ], 2],
    ['the most recently followed closed one when none is open', [
      opportunity({ businessId: 1, status: 'lost', lastFollowTime: '2026-02-01T00:00:00Z' }),
      opportunity({ businessId: 2, status: 'won', lastFollowTime: '2026-01-01T00:00:00Z' }),
    ], 1],
    ['the first one when none was ever followed', [
      opportunity({ businessId: 5 }),
      opportunity({ businessId: 6 }),
    ], 5],
  ])('picks %s', (_name, opportunities, expected) => {
    expect(defaultOpportunity(opportunities)?.businessId ?? null).toBe(expected)
  })
})
