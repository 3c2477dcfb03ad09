import type { CustomerContext, Opportunity, OpportunityCreated } from '@app/shared'
import type { Ref } from 'vue'
import { computed, shallowRef } from 'vue'
import { contextCache } from '../storage/contextCache'
import { useSessionStore } from '../stores/session'

/**
 * The page's context with the opportunities created on it, until the next context load lists them itself; the
 * session and this device's context cache learn them too, so reopening the sidebar (even offline) shows them.
 */
export function useCreatedOpportunities(base: Ref<CustomerContext>) {
  const relisted = shallowRef<Opportunity[] | null>(null)
  const context = computed<CustomerContext>(() => {
    if (!relisted.value)
      return base.value
    const known = new Set(base.value.opportunities.map(o => o.businessId))
    return { ...base.value, opportunities: [...base.value.opportunities, ...relisted.value.filter(o => !known.has(o.businessId))] }
  })

  const isSessionCustomer = () => useSessionStore().context?.customer.externalUserId === base.value.customer.externalUserId

  /** Loads the customer's context afresh (after "outcome unknown", or a creation it could not match). */
  async function refresh() {
    if (isSessionCustomer())
      await useSessionStore().loadContext()
  }

  /** Takes the server's answer; resolves to the new opportunity, or null when it could not tell which one it is. */
  async function remember(created: OpportunityCreated): Promise<Opportunity | null> {
    const session = useSessionStore()
    const list = created.opportunities ?? (created.opportunity ? [...context.value.opportunities, created.opportunity] : null)
    if (!list) {
      // Created, but the list could not be read again: load the context afresh and let the salesperson choose.
      await refresh()
      return null
    }
    relisted.value = list
    if (isSessionCustomer()) {
      session.context = context.value
      if (session.me)
        contextCache.write(session.me.wecomUserId, base.value.customer.externalUserId, context.value)
    }
    return created.opportunity
  }

  return { context, remember, refresh }
}
