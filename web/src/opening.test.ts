import { afterEach, describe, expect, it, vi } from 'vitest'
import { beginOpening } from './opening'

const events = vi.hoisted(() => [] as string[])
const endpoints = vi.hoisted(() => ({ release: (() => {}) as () => void }))

vi.mock('./boot', () => ({ readBoot: () => ({ sandbox: false, me: { wecomUserId: 'zhangwei', name: '张伟' } }) }))
vi.mock('./platform', async importOriginal => ({
  ...await importOriginal<typeof import('./platform')>(),
  choosePlatform: async () => ({
    kind: 'wecom',
    getEntry: async () => 'single_chat_tools',
    getCurExternalContact: async () => 'wmDemoChenJing01',
  }),
}))
vi.mock('./api/lazy', () => ({
  loadEndpoints: () => new Promise((resolve) => {
    endpoints.release = () => resolve({
      getCustomerContext: (id: string) => {
        events.push(`context request ${id}`)
        return new Promise(() => {})
      },
    })
  }),
}))

describe('the opening', () => {
  afterEach(() => {
    events.length = 0
  })

  it('ends its steps only once the context request is on its way, so the app mounted after them cannot hold it up', async () => {
    const opening = beginOpening()
    void opening.steps.then(steps => events.push(`steps ${steps.kind}`))
    for (let i = 0; i < 20; i++)
      await Promise.resolve()
    // The customer is known; the HTTP client has not arrived yet: no request, and the steps are not over.
    expect(events).toEqual([])
    endpoints.release()
    await opening.steps
    await Promise.resolve()
    expect(events).toEqual(['context request wmDemoChenJing01', 'steps customer'])
  })
})
