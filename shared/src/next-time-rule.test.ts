import { describe, expect, it } from 'vitest'
import { nextTimeProblems } from './next-time-rule'

const now = new Date('2026-11-29T02:00:00Z')
const at = (minutesFromNow: number, remind = 30) => ({ scheduleName: '回访', nextContactTime: new Date(now.getTime() + minutesFromNow * 60_000).toISOString(), nextRemindLength: remind })

describe('nextTimeProblems', () => {
  it.each([
    ['no next contact', undefined],
    ['tomorrow with a 30-minute reminder', at(24 * 60)],
    ['in two hours with a one-hour reminder', at(120, 60)],
  ])('accepts %s', (_, nextTime) => {
    expect(nextTimeProblems(nextTime, now)).toEqual({})
  })

  it.each([
    ['a next contact an hour ago', at(-60), 'nextTime.nextContactTime'],
    ['a next contact now', at(0), 'nextTime.nextContactTime'],
    ['a reminder a day ahead of a contact in an hour', at(60, 24 * 60), 'nextTime.nextRemindLength'],
  ])('refuses %s', (_, nextTime, key) => {
    expect(Object.keys(nextTimeProblems(nextTime, now))).toEqual([key])
  })

  it('gives the grace it is asked for', () => {
    expect(nextTimeProblems(at(-0.5, 0), now, 60_000)).toEqual({})
  })
})
