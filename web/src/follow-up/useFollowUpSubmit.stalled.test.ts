import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { submitHarness } from '../testing/submitHarness'
import { FLOW_MISSING } from './useFollowUpSubmit'

// What 提交 runs is a file of its own: here its download stalls (a connection that neither answers nor drops).
vi.mock('./submitFlow', () => new Promise(() => {}))

describe('提交 when its code is stuck on the way', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.useRealTimers())

  it('waits at most 20 s, busy meanwhile, then says so in Chinese and keeps the form', async () => {
    vi.useFakeTimers()
    const { submit, form, reset, untouched } = submitHarness()
    const tapped = submit.submit()
    await vi.advanceTimersByTimeAsync(100)
    expect(submit.busy.value).toBe(true)
    expect(submit.errors.value.form).toBeUndefined()
    await vi.advanceTimersByTimeAsync(20_000)
    await tapped
    expect(submit.errors.value.form).toBe(FLOW_MISSING)
    expect(submit.busy.value).toBe(false)
    expect(reset).not.toHaveBeenCalled()
    expect(form.value).toEqual(untouched)
  })
})
