import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watch } from 'vue'
import { auth } from '../api/http'
import { contextCache } from '../storage/contextCache'
import { errorReply, installFakeServer } from '../testing/fakeServer'
import { context } from '../testing/fixtures'
import { useSessionStore } from './session'

const me = { wecomUserId: 'zhangwei', pulanUserId: 8, name: '张伟' }
function setBoot(boot: unknown) {
  document.getElementById('boot')?.remove()
  const script = document.createElement('script')
  script.type = 'application/json'
  script.id = 'boot'
  script.textContent = JSON.stringify(boot)
  document.body.appendChild(script)
}
function setUrl(search: string) {
  history.replaceState(null, '', `/${search}`)
}

describe('start-up', () => {
  let server: ReturnType<typeof installFakeServer>
  beforeEach(() => {
    setActivePinia(createPinia())
    server = installFakeServer()
    server.on('GET', '/api/customers/wmCustomer1/context', () => ({ status: 200, body: context }))
  })
  afterEach(() => {
    server.restore()
    vi.restoreAllMocks()
  })

  it('opens the form for the customer named in the sandbox URL', async () => {
    setBoot({ sandbox: true, me })
    setUrl('?customer=wmCustomer1')
    const session = useSessionStore()
    await session.start()
    expect(session.phase).toBe('ready')
    expect(session.context?.customer.name).toBe('张三')
    expect(session.me).toEqual(me)
  })

  it.each([
    ['the workbench entry', { sandbox: true, me }, '?entry=normal&customer=wmCustomer1', 'wrong-entry'],
    ['outside WeCom without the sandbox', { sandbox: false, me }, '', 'no-platform'],
  ])('explains where to open the page from after %s', async (_name, boot, search, phase) => {
    setBoot(boot)
    setUrl(search)
    const session = useSessionStore()
    await session.start()
    expect(session.phase).toBe(phase)
  })

  it('opened from a customer group, lists its members first; a chosen customer gets the form, and can go back', async () => {
    setBoot({ sandbox: true, me })
    setUrl('?chat=wrGroup1')
    const session = useSessionStore()
    await session.start()
    expect(session.phase).toBe('group')
    expect(session.chatId).toBe('wrGroup1')
    expect(session.context).toBeNull()

    await session.chooseCustomer('wmCustomer1')
    expect(session.phase).toBe('ready')
    expect(session.context?.customer.name).toBe('张三')

    session.backToGroup()
    expect(session.phase).toBe('group')
    expect(session.externalUserId).toBeNull()
    expect(session.chatId).toBe('wrGroup1')
  })

  it.each([
    ['the same as this device last saw', context, false],
    ['changed since (a stage moved)', { ...context, opportunities: context.opportunities.map(o => ({ ...o, stageId: o.stages.at(-1)!.stageId })) }, true],
  ])('shows the context this device last saw at once; the fresh one is drawn only when it is not %s', async (_name, fresh, redrawn) => {
    localStorage.clear()
    contextCache.write('zhangwei', 'wmCustomer1', context)
    server.on('GET', '/api/customers/wmCustomer1/context', () => ({ status: 200, body: fresh }))
    setBoot({ sandbox: true, me })
    setUrl('?customer=wmCustomer1')
    const session = useSessionStore()
    const shown: unknown[] = []
    watch(() => session.context, value => shown.push(value), { flush: 'sync' })
    await session.start()
    expect(session.phase).toBe('ready')
    expect(shown).toHaveLength(redrawn ? 2 : 1)
    expect(session.context).toEqual(fresh)
  })

  it('shows the context at once and replaces it with an error when it fails the schema check a moment later', async () => {
    server.on('GET', '/api/customers/wmCustomer1/context', () => ({ status: 200, body: { ...context, opportunities: 'none' } }))
    setBoot({ sandbox: true, me })
    setUrl('?customer=wmCustomer1')
    const session = useSessionStore()
    const phases: string[] = []
    watch(() => session.phase, phase => phases.push(phase), { flush: 'sync' })
    await session.start()
    expect(phases).toEqual(['ready', 'problem'])
    expect(session.problem?.message).toBe('服务器返回的数据格式不对，请稍后再试')
  })

  it('says so when the customer is not the salesperson\'s', async () => {
    server.on('GET', '/api/customers/wmCustomer1/context', () => errorReply(403, 'NOT_YOUR_CUSTOMER', '这位客户不在你的客户列表中'))
    setBoot({ sandbox: true, me })
    setUrl('?customer=wmCustomer1')
    const session = useSessionStore()
    await session.start()
    expect(session.phase).toBe('problem')
    expect(session.problem).toEqual({ title: '不是你跟进的客户', message: '这位客户不在你的客户列表中', canRetry: false })
  })

  it('sends a visitor without a session to the login', async () => {
    const login = vi.spyOn(auth, 'onUnauthenticated').mockImplementation(() => {})
    setBoot({ sandbox: true, me: null })
    await useSessionStore().start()
    expect(login).toHaveBeenCalledOnce()
  })

  describe('the context this device saw last', () => {
    beforeEach(() => {
      localStorage.clear()
      setBoot({ sandbox: true, me })
      setUrl('?customer=wmCustomer1')
    })

    it('shows the saved context at once, then the fresh one', async () => {
      await useSessionStore().start()
      setActivePinia(createPinia())
      let answer!: () => void
      server.on('GET', '/api/customers/wmCustomer1/context', () => new Promise((resolve) => {
        answer = () => resolve({ status: 200, body: { ...context, customer: { ...context.customer, name: '张三（新）' } } })
      }))
      const session = useSessionStore()
      const starting = session.start()
      await vi.waitFor(() => expect(session.phase).toBe('ready'))
      expect(session.context?.customer.name).toBe('张三')
      answer()
      await starting
      expect(session.context?.customer.name).toBe('张三（新）')
    })

    it('keeps the saved context when the network is down', async () => {
      await useSessionStore().start()
      setActivePinia(createPinia())
      server.on('GET', '/api/customers/wmCustomer1/context', () => 'network-error')
      const session = useSessionStore()
      await session.start()
      expect(session.phase).toBe('ready')
      expect(session.context?.customer.name).toBe('张三')
    })

    it('forgets it and explains when the customer is no longer the salesperson\'s', async () => {
      await useSessionStore().start()
      setActivePinia(createPinia())
      server.on('GET', '/api/customers/wmCustomer1/context', () => errorReply(403, 'NOT_YOUR_CUSTOMER', '这位客户不在你的客户列表中'))
      const session = useSessionStore()
      await session.start()
      expect(session.phase).toBe('problem')
      expect(Object.keys(localStorage).filter(k => k.startsWith('followup:context:'))).toEqual([])
    })

    it('is never shown to another salesperson on the same device', async () => {
      await useSessionStore().start()
      setActivePinia(createPinia())
      setBoot({ sandbox: true, me: { ...me, wecomUserId: 'lina' } })
      server.on('GET', '/api/customers/wmCustomer1/context', () => 'network-error')
      const session = useSessionStore()
      await session.start()
      expect(session.phase).toBe('problem')
    })
  })
})
