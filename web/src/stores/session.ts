import type { CustomerContext, Me } from '@app/shared'
import type { Platform } from '../platform'
import type { StartProblem } from './problem'
import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef, watch } from 'vue'
import { getBoot, getCustomerContext } from '../api/endpoints'
import { ApiError, auth } from '../api/http'
import { readBoot } from '../boot'
import { setDraftOwner } from '../drafts/draftStorage'
import { choosePlatform, GROUP_ENTRY, isCustomerEntry, PlatformError } from '../platform'
import { reportPlatformProblem, whenSignatureReported } from '../platform/report'
import { contextCache } from './contextCache'
import { describeStartProblem } from './problem'

export type SessionPhase = 'starting' | 'no-platform' | 'wrong-entry' | 'problem' | 'ready' | 'group'

/** Start-up: who is signed in, which platform, which customer, and the customer's context. */
export const useSessionStore = defineStore('session', () => {
  const phase = ref<SessionPhase>('starting')
  const me = ref<Me | null>(null)
  // Drafts on this device are read and written as whoever is signed in now.
  watch(me, person => setDraftOwner(person?.wecomUserId ?? null), { flush: 'sync' })
  const sandbox = ref(false)
  const platform = shallowRef<Platform | null>(null)
  const sdkProblem = ref<string | null>(null)
  const entry = ref<string | null>(null)
  const externalUserId = ref<string | null>(null)
  /** Set when opened from a customer group: the page lists its members, and the form can go back to them. */
  const chatId = ref<string | null>(null)
  const context = shallowRef<CustomerContext | null>(null)
  const problem = ref<StartProblem | null>(null)

  function fail(error: unknown) {
    if (error instanceof PlatformError)
      reportPlatformProblem(error, entry.value)
    problem.value = describeStartProblem(error)
    phase.value = 'problem'
  }

  /** Shows the context this device last saw at once, then the fresh one; only a refusal replaces the form. */
  async function loadContext() {
    const id = externalUserId.value
    if (!id)
      return
    const salesperson = me.value?.wecomUserId
    const cached = salesperson ? contextCache.read(salesperson, id) : null
    context.value = cached
    phase.value = cached ? 'ready' : 'starting'
    try {
      const fresh = await getCustomerContext(id)
      if (externalUserId.value !== id)
        return
      context.value = fresh
      phase.value = 'ready'
      if (salesperson)
        contextCache.write(salesperson, id, fresh)
    }
    catch (error) {
      const refused = error instanceof ApiError && error.status >= 400 && error.status < 500
      if (refused && salesperson)
        contextCache.forget(salesperson, id)
      if (refused || !cached)
        fail(error)
    }
  }

  /** After a submission: the opportunity's stage and status as 谱蓝云 has them now; offline, the form keeps what it has. */
  async function refreshContext() {
    const id = externalUserId.value
    if (!id || phase.value !== 'ready')
      return
    try {
      const fresh = await getCustomerContext(id)
      if (externalUserId.value !== id)
        return
      context.value = fresh
      const salesperson = me.value?.wecomUserId
      if (salesperson)
        contextCache.write(salesperson, id, fresh)
    }
    catch {
      // The next open or the next submission refreshes it; the page stays usable meanwhile.
    }
  }

  async function start() {
    try {
      // Without the inline boot block (the Vite dev server) the page asks; it never assumes the sandbox.
      const boot = readBoot() ?? await getBoot()
      sandbox.value = boot.sandbox
      if (!boot.me)
        return auth.onUnauthenticated()
      me.value = boot.me
      const chosen = await choosePlatform(sandbox.value, boot.jssdk)
      if (!chosen) {
        phase.value = 'no-platform'
        return
      }
      platform.value = markRaw(chosen)
      chosen.ready().catch((error: Error) => (sdkProblem.value = error.message))
      // Inside WeCom both questions go to the client at once (one bridge round trip less before the context
      // request); the customer is only used when the entry allows one. The sandbox asks in turn: its customer
      // question may open a picker.
      const customer = chosen.kind === 'wecom' ? chosen.getCurExternalContact() : null
      customer?.catch(() => {})
      entry.value = await chosen.getEntry()
      if (entry.value === GROUP_ENTRY) {
        chatId.value = await chosen.getCurExternalChat()
        phase.value = 'group'
        return
      }
      if (!isCustomerEntry(entry.value)) {
        phase.value = 'wrong-entry'
        return
      }
      externalUserId.value = await (customer ?? chosen.getCurExternalContact())
    }
    catch (error) {
      return fail(error)
    }
    await loadContext()
  }

  async function switchCustomer() {
    const chosen = await platform.value?.switchCustomer?.().catch(() => null)
    if (chosen && chosen !== externalUserId.value) {
      externalUserId.value = chosen
      context.value = null
      await loadContext()
    }
  }

  /** A customer tapped in the group's member list: the usual form, with the usual checks on the server. */
  async function chooseCustomer(chosen: string) {
    externalUserId.value = chosen
    context.value = null
    await loadContext()
  }

  function backToGroup() {
    externalUserId.value = null
    context.value = null
    problem.value = null
    phase.value = 'group'
  }

  /**
   * The error page's button. A WeCom problem (handshake, signature, permission) starts again with a fresh page load
   * and fresh signatures, once the server has heard about a bad signature; otherwise the context is loaded again.
   */
  async function retry() {
    if (problem.value?.reload) {
      await whenSignatureReported()
      location.reload()
      return
    }
    return externalUserId.value ? loadContext() : start()
  }

  return { phase, me, sandbox, platform, sdkProblem, entry, externalUserId, chatId, context, problem, start, loadContext, refreshContext, retry, switchCustomer, chooseCustomer, backToGroup }
})
