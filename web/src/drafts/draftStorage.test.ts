import type { FollowUpForm } from '../follow-up/formState'
import type { DraftTarget } from './useDraftAutosave'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { form } from '../testing/fixtures'
import { clearDraft, draftKey, lastDraftBusiness, loadDraft, saveDraft, setDraftOwner } from './draftStorage'
import { useDraftAutosave } from './useDraftAutosave'

const photo = { fileId: 9, fileName: 'a.jpg', fileUrl: 'https://files.example.test/a.jpg', fileSize: 1200 }

describe('drafts', () => {
  beforeEach(() => {
    localStorage.clear()
    setDraftOwner('zhangwei')
  })
  afterEach(() => vi.useRealTimers())

  it('keeps each salesperson\'s drafts to them on a shared device', () => {
    saveDraft('wm1', 100, form({ remark: '张伟的草稿' }))
    setDraftOwner('lina')
    expect(loadDraft('wm1', 100)).toBeNull()
    expect(lastDraftBusiness('wm1')).toBeNull()
    clearDraft('wm1', 100)
    saveDraft('wm1', 100, form({ remark: '李娜的草稿' }))
    setDraftOwner('zhangwei')
    expect(loadDraft('wm1', 100)?.remark).toBe('张伟的草稿')
    setDraftOwner(null)
    expect(loadDraft('wm1', 100)).toBeNull()
  })

  it('restores a saved draft per customer and opportunity, uploaded files included', () => {
    const typed = form({ remark: '带样品', answers: { 14: { files: [photo] } } })
    saveDraft('wm1', 100, typed)
    expect(loadDraft('wm1', 100)).toEqual(typed)
    expect(loadDraft('wm1', 101)).toBeNull()
    expect(loadDraft('wm2', 100)).toBeNull()
    expect(lastDraftBusiness('wm1')).toBe(100)
  })

  it('clears only the one draft', () => {
    saveDraft('wm1', 100, form())
    saveDraft('wm1', 101, form())
    clearDraft('wm1', 100)
    expect(loadDraft('wm1', 100)).toBeNull()
    expect(loadDraft('wm1', 101)).not.toBeNull()
  })

  it('treats a corrupt entry as no draft', () => {
    localStorage.setItem(draftKey('wm1', 100), '{not json')
    expect(loadDraft('wm1', 100)).toBeNull()
  })

  describe('autosave', () => {
    function setup() {
      vi.useFakeTimers()
      const state = ref<FollowUpForm | null>(form())
      const target = ref<DraftTarget | null>({ externalUserId: 'wm1', businessId: 100 })
      const scope = effectScope()
      const autosave = scope.run(() => useDraftAutosave(state, target))!
      autosave.markPristine()
      return { state, scope }
    }

    it('saves 300 ms after typing stops', async () => {
      const { state, scope } = setup()
      state.value!.remark = '第一句'
      await nextTick()
      vi.advanceTimersByTime(299)
      expect(loadDraft('wm1', 100)).toBeNull()
      vi.advanceTimersByTime(1)
      expect(loadDraft('wm1', 100)?.remark).toBe('第一句')
      scope.stop()
    })

    it('saves at once when the page is hidden', async () => {
      const { state, scope } = setup()
      state.value!.remark = '切走了'
      await nextTick()
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
      document.dispatchEvent(new Event('visibilitychange'))
      expect(loadDraft('wm1', 100)?.remark).toBe('切走了')
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
      scope.stop()
    })

    it('leaves no draft for an untouched form', async () => {
      const { scope } = setup()
      window.dispatchEvent(new Event('pagehide'))
      expect(loadDraft('wm1', 100)).toBeNull()
      scope.stop()
    })
  })
})
