import type { CustomerContext, Me } from '@app/shared'
import type { ContextAnswer, Opening } from '../opening'
import type { StartProblem } from '../pages/startProblem'
import type { Platform } from '../platform'
import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef, watch } from 'vue'
import { afterPaint } from '../afterPaint'
import { checked } from '../api/checked'
import { getCustomerContext } from '../api/endpoints'
import { ApiError, auth } from '../api/http'
import { setDraftOwner } from '../drafts/draftStorage'
import { takeOpening } from '../opening'
import { describeStartProblem } from '../pages/startProblem'
import { PlatformError } from '../platform'
import { reportPlatformProblem, whenSignatureReported } from '../platform/report'
import { contextCache } from '../storage/contextCache'

export type SessionPhase = 'starting' | 'no-platform' | 'wrong-entry' | 'problem' | 'ready' | 'group'

/** Start-up: who is signed in, which platform, which customer, and the customer's context. */
export const useSessionStore = defineStore('session', () => {
  const phase = ref<SessionPhase>('starting')
  const me = ref<Me | null>(null)
  // Drafts on this device are read and written as whoever is signed in now.
  watch(me, person => setDraftOwner(person?.wecomUserId ?? null), { flush: 'sync' })
  const sandbox = ref(false)
  const platform = shallowRef<Platform | null>(null)
  /** How WeCom opened the page, for the report of a platform failure (not state the pages read). */
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
  async function loadContext(pending?: Promise<ContextAnswer>) {
    const id = externalUserId.value
    if (!id)
      return
    const salesperson = me.value?.wecomUserId
    const cached = salesperson ? contextCache.read(salesperson, id) : null
    context.value = cached
    phase.value = cached ? 'ready' : 'starting'
    try {
      const fresh = await (pending ?? getCustomerContext(id))
      if (externalUserId.value !== id)
        return
      // Usually nothing changed since this device last saw the customer: the form already shows it, and drawing it
      // again (on a slow phone while the first frame is being built) would only cost time.
      if (!cached || JSON.stringify(cached) !== JSON.stringify(fresh.context))
        context.value = fresh.context
      phase.value = 'ready'
      // The schema check runs once the form is painted (the schemas are not part of the first screen).
      await afterPaint()
      await fresh.check()
      if (salesperson && externalUserId.value === id)
        contextCache.write(salesperson, id, fresh.context)
    }
    catch (error) {
      if (externalUserId.value !== id)
        return
      const refused = error instanceof ApiError && error.status >= 400 && error.status < 500
      const malformed = error instanceof ApiError && error.code === 'BAD_RESPONSE'
      if ((refused || malformed) && salesperson)
        contextCache.forget(salesperson, id)
      if (refused || malformed || !cached)
        fail(error)
    }
  }

  /** After a submission: the opportunity's stage and status as 谱蓝云 has them now; offline, the form keeps what it has. */
  async function refreshContext() {
    const id = externalUserId.value
    if (!id || phase.value !== 'ready')
      return
    try {
      const fresh = await (await getCustomerContext(id)).check()
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
    const opening = takeOpening()
    let boot
    try {
      boot = await opening.boot
    }
    catch (error) {
      return fail(error)
    }
    sandbox.value = boot.sandbox
    if (!boot.me)
      return auth.onUnauthenticated()
    me.value = boot.me
    await openWith(opening)
    // The inline boot block's schema check runs once the first screen is painted (the schemas are not part of it).
    if (opening.bootInline) {
      await afterPaint()
      await checked('BootInfo', boot).catch(fail)
    }
  }

  async function openWith(opening: Opening) {
    let steps
    try {
      const chosen = await opening.platform
      if (!chosen) {
        phase.value = 'no-platform'
        return
      }
      platform.value = markRaw(chosen)
      steps = await opening.steps
      if (steps.kind === 'no-platform')
        return
      entry.value = steps.entry
      if (steps.kind === 'group') {
        chatId.value = steps.chatId
        phase.value = 'group'
        return
      }
      if (steps.kind === 'wrong-entry') {
        phase.value = 'wrong-entry'
        return
      }
      externalUserId.value = steps.externalUserId
    }
    catch (error) {
      // A failure after the entry was read (the customer question) still reports where the page was opened from.
      entry.value ??= await opening.entry.catch(() => null)
      return fail(error)
    }
    await loadContext(steps.context)
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

  return { phase, me, sandbox, platform, externalUserId, chatId, context, problem, start, loadContext, refreshContext, retry, switchCustomer, chooseCustomer, backToGroup }
})
