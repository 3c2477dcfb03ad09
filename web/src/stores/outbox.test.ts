import type { FollowUpReceipt } from '@app/shared'
import type { FakeReply } from '../testing/fakeServer'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadDraft, saveDraft } from '../drafts/draftStorage'
import { errorReply, installFakeServer } from '../testing/fakeServer'
import { form } from '../testing/fixtures'
import { useOutboxStore } from './outbox'
import { useRecentStore } from './recent'
import { useSessionStore } from './session'

const submission = {
  externalUserId: 'wm1',
  businessId: 100,
  stageId: 1,
  templateId: 7,
  result: 'finish',
  actualStartTime: '2026-03-02T01:00:00.000Z',
  actualEndTime: '2026-03-02T02:00:00.000Z',
  detailList: [],
}
const names = { customerName: '张三', businessName: '年度采购' }
function receipt(key: string): FollowUpReceipt {
  return {
    idempotencyKey: key,
    businessId: 100,
    stageId: 1,
    templateId: 7,
    templateName: '拜访记录',
    version: 3,
    userId: 8,
    actualStartTime: submission.actualStartTime,
    actualEndTime: submission.actualEndTime,
    nextContactTime: null,
    submittedAt: '2026-03-02T02:00:01.000Z',
  }
}
const stored = () => JSON.parse(localStorage.getItem('followup:outbox') ?? '[]')
const PEOPLE: Record<string, { pulanUserId: number, name: string }> = { zhangwei: { pulanUserId: 101, name: '张伟' }, lina: { pulanUserId: 102, name: '李娜' } }
function signInAs(wecomUserId: string) {
  useSessionStore().me = { wecomUserId, ...PEOPLE[wecomUserId]! }
}

describe('outbox', () => {
  let server: ReturnType<typeof installFakeServer>
  let replies: FakeReply[]
  const keys = () => server.requests.map(r => r.headers['idempotency-key'])

  beforeEach(() => {
    vi.useFakeTimers()
    localStorage.clear()
    setActivePinia(createPinia())
    signInAs('zhangwei')
    server = installFakeServer()
    replies = []
    server.on('POST', '/api/follow-ups', (request) => {
      const reply = replies.shift() ?? { status: 201, body: receipt(request.headers['idempotency-key']!) }
      return reply
    })
    saveDraft('wm1', 100, form({ remark: '草稿' }))
  })
  afterEach(() => {
    server.restore()
    vi.useRealTimers()
  })

  it('persists the entry before the request leaves', async () => {
    let seenInStorage: unknown[] = []
    server.on('POST', '/api/follow-ups', () => {
      seenInStorage = stored()
      return 'network-error'
    })
    await useOutboxStore().submit(submission, names)
    expect(seenInStorage).toHaveLength(1)
    expect(seenInStorage[0]).toMatchObject({ submission, status: 'sending' })
  })

  it('on 201 removes the entry, clears the draft and adds the receipt to the recent list', async () => {
    const outbox = useOutboxStore()
    const outcome = await outbox.submit(submission, names)
    expect(outcome.status).toBe('sent')
    expect(outbox.entries).toEqual([])
    expect(stored()).toEqual([])
    expect(loadDraft('wm1', 100)).toBeNull()
    expect(useRecentStore().items[0]).toMatchObject({ customerName: '张三', receipt: { idempotencyKey: keys()[0] } })
  })

  it('keeps a network failure pending and retries with the same key when the network is back', async () => {
    replies.push('network-error')
    const outbox = useOutboxStore()
    outbox.startAutoRetry()
    const outcome = await outbox.submit(submission, names)
    expect(outcome.status).toBe('pending')
    expect(loadDraft('wm1', 100)?.remark).toBe('草稿')
    window.dispatchEvent(new Event('online'))
    await vi.waitFor(() => expect(outbox.entries).toEqual([]))
    expect(keys()).toHaveLength(2)
    expect(keys()[1]).toBe(keys()[0])
  })

  it('retries a 503 on its own with backoff, same key', async () => {
    replies.push(errorReply(503, 'UPSTREAM_UNAVAILABLE', '谱蓝云暂时不可用'))
    const outbox = useOutboxStore()
    await outbox.submit(submission, names)
    expect(outbox.entries[0]?.status).toBe('pending')
    await vi.advanceTimersByTimeAsync(2_000)
    expect(outbox.entries).toEqual([])
    expect(new Set(keys()).size).toBe(1)
  })

  it.each([
    [409, 'IDEMPOTENCY_IN_FLIGHT'],
    [429, 'RATE_LIMITED'],
    [503, 'STORE_UNAVAILABLE'],
  ])('keeps a %i %s pending for a retry', async (status, code) => {
    replies.push(errorReply(status, code, '稍后再试'))
    const outbox = useOutboxStore()
    expect((await outbox.submit(submission, names)).status).toBe('pending')
  })

  it('keeps a 504 as unknown and confirms with the same key', async () => {
    replies.push(errorReply(504, 'UPSTREAM_OUTCOME_UNKNOWN', '结果未知'))
    const outbox = useOutboxStore()
    const outcome = await outbox.submit(submission, names)
    expect(outcome.status).toBe('unknown')
    expect(outbox.entries[0]).toMatchObject({ status: 'unknown', error: { code: 'UPSTREAM_OUTCOME_UNKNOWN' } })
    await outbox.flush()
    expect(outbox.entries).toEqual([])
    expect(keys()).toEqual([keys()[0], keys()[0]])
  })

  it('sends an unknown outcome again under a new key when the salesperson found no record', async () => {
    replies.push(errorReply(504, 'UPSTREAM_OUTCOME_UNKNOWN', '结果未知'))
    const outbox = useOutboxStore()
    const first = await outbox.submit(submission, names)
    expect(first.status).toBe('unknown')
    const outcome = await outbox.resendAsNew(outbox.entries[0]!.key)
    expect(outcome?.status).toBe('sent')
    expect(outbox.entries).toEqual([])
    expect(new Set(keys()).size).toBe(2)
  })

  it('stops confirming an unknown outcome when the salesperson found the record, keeping the draft', async () => {
    replies.push(errorReply(504, 'UPSTREAM_OUTCOME_UNKNOWN', '结果未知'))
    const outbox = useOutboxStore()
    await outbox.submit(submission, names)
    outbox.forget(outbox.entries[0]!.key)
    expect(outbox.entries).toEqual([])
    expect(keys()).toHaveLength(1)
    expect(loadDraft('wm1', 100)?.remark).toBe('草稿')
  })

  it.each([
    [422, 'STAGE_NOT_ALLOWED', '该阶段不可选'],
    [400, 'VALIDATION_FAILED', '请检查填写内容'],
    [502, 'UPSTREAM_REJECTED', '谱蓝云：商机已关闭'],
  ])('marks a %i %s failed, keeps the draft and does not retry', async (status, code, message) => {
    replies.push(errorReply(status, code, message))
    const outbox = useOutboxStore()
    const outcome = await outbox.submit(submission, names)
    expect(outcome.status).toBe('failed')
    expect(outbox.entries[0]).toMatchObject({ status: 'failed', error: { code, message } })
    expect(loadDraft('wm1', 100)?.remark).toBe('草稿')
    await vi.advanceTimersByTimeAsync(120_000)
    expect(server.requests).toHaveLength(1)
  })

  it('uses a new key for a new submission after a failure, dropping the failed entry', async () => {
    replies.push(errorReply(422, 'STAGE_NOT_ALLOWED', '该阶段不可选'))
    const outbox = useOutboxStore()
    await outbox.submit(submission, names)
    await outbox.submit({ ...submission, stageId: 2 }, names)
    expect(keys()[1]).not.toBe(keys()[0])
    expect(outbox.entries).toEqual([])
  })

  it('resends entries left by a closed page when it is opened again', async () => {
    replies.push('network-error')
    await useOutboxStore().submit(submission, names)
    const firstKey = keys()[0]
    setActivePinia(createPinia())
    signInAs('zhangwei')
    const reopened = useOutboxStore()
    expect(reopened.entries[0]).toMatchObject({ key: firstKey, status: 'pending' })
    await reopened.startAutoRetry()
    expect(reopened.entries).toEqual([])
    expect(keys()[1]).toBe(firstKey)
  })

  describe('queue entries belong to the salesperson who submitted them', () => {
    it('records the submitter on the entry', async () => {
      replies.push('network-error')
      await useOutboxStore().submit(submission, names)
      expect(stored()[0].owner).toBe('zhangwei')
    })

    it('never sends a waiting entry under another salesperson\'s session, and sends it once its owner is back', async () => {
      replies.push({ status: 503, body: { error: { code: 'UPSTREAM_UNAVAILABLE', message: '暂时无法访问' } } })
      const outbox = useOutboxStore()
      await outbox.submit(submission, names)
      expect(server.requests).toHaveLength(1)
      signInAs('lina')
      await outbox.flush()
      await vi.advanceTimersByTimeAsync(120_000)
      expect(server.requests).toHaveLength(1)
      expect(outbox.activeFor('wm1', 100)).toBeUndefined()
      signInAs('zhangwei')
      await outbox.flush()
      expect(server.requests).toHaveLength(2)
      expect(stored()).toEqual([])
    })

    it('leaves another salesperson\'s entries alone when submitting', async () => {
      replies.push({ status: 503, body: { error: { code: 'UPSTREAM_UNAVAILABLE', message: '暂时无法访问' } } })
      const outbox = useOutboxStore()
      await outbox.submit(submission, names)
      signInAs('lina')
      await outbox.submit({ ...submission, businessId: 200 }, names)
      expect(server.requests.at(-1)!.body).toMatchObject({ businessId: 200 })
      expect(stored()).toEqual([expect.objectContaining({ owner: 'zhangwei', status: 'pending' })])
    })
  })
})
