import { describe, expect, it } from 'vitest'
import { buildNextTime, nextContactDate } from './nextContact'

// A Monday afternoon, local time.
const now = new Date(2026, 2, 2, 15, 20, 0)

describe('next contact chips', () => {
  it.each([
    ['tomorrow', new Date(2026, 2, 3, 9, 30)],
    ['in3days', new Date(2026, 2, 5, 9, 30)],
    ['in1week', new Date(2026, 2, 9, 9, 30)],
  ] as const)('%s lands at 09:30 local on the right day', (choice, expected) => {
    expect(nextContactDate({ choice, customTime: null }, now)?.toISOString()).toBe(expected.toISOString())
  })

  it('uses the picked time for a custom choice and nothing before it is picked', () => {
    expect(nextContactDate({ choice: 'custom', customTime: '2026-04-01T02:00:00.000Z' }, now)?.toISOString()).toBe('2026-04-01T02:00:00.000Z')
    expect(nextContactDate({ choice: 'custom', customTime: null }, now)).toBeNull()
  })

  it('plans nothing for 不安排', () => {
    expect(buildNextTime({ choice: 'none', customTime: null, remindMinutes: 30, scheduleName: 'x', lengthMinutes: 30 }, now)).toBeUndefined()
  })

  it('builds the nextTime with the reminder, length and trimmed schedule name', () => {
    expect(buildNextTime({ choice: 'tomorrow', customTime: null, remindMinutes: 60, scheduleName: ' 跟进 张三 ', lengthMinutes: 30 }, now)).toEqual({
      scheduleName: '跟进 张三',
      nextContactTime: new Date(2026, 2, 3, 9, 30).toISOString(),
      nextTimeLength: 30,
      nextRemindLength: 60,
    })
  })
})
