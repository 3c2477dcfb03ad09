import type { FieldErrors } from './errors'
import type { NextTime } from './pulan'

/**
 * A next contact or its reminder in the past would make 谱蓝云 create a schedule whose reminder never fires. `now` is
 * the checker's clock; the server gives some grace for a phone's clock and the time on the way.
 */
export function nextTimeProblems(nextTime: NextTime | undefined, now: Date, graceMs = 0): FieldErrors {
  if (!nextTime)
    return {}
  const at = Date.parse(nextTime.nextContactTime)
  if (Number.isNaN(at))
    return {}
  const cutoff = now.getTime() - graceMs
  if (at <= cutoff)
    return { 'nextTime.nextContactTime': ['下次联系时间已经过去，请选一个以后的时间'] }
  const remindAt = at - (nextTime.nextRemindLength ?? 0) * 60_000
  if (remindAt <= cutoff)
    return { 'nextTime.nextRemindLength': ['提醒时间已经过去，请缩短提前提醒或把下次联系改晚一些'] }
  return {}
}
