import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { submitHarness } from '../testing/submitHarness'
import { FLOW_MISSING } from './useFollowUpSubmit'

// What 提交 runs is a file of its own: here it does not arrive (a dropped connection).
vi.mock('./submitFlow', () => {
  throw new TypeError('Failed to fetch dynamically imported module')
})

describe('提交 when its code did not arrive', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('says so in Chinese, keeps the form and the draft, and is not left busy', async () => {
    const { submit, form, reset, untouched } = submitHarness()
    await submit.submit()
    expect(submit.errors.value.form).toBe(FLOW_MISSING)
    expect(FLOW_MISSING).toContain('草稿')
    expect(submit.busy.value).toBe(false)
    expect(reset).not.toHaveBeenCalled()
    expect(form.value).toEqual(untouched)
  })
})
