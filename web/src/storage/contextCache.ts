import type { CustomerContext } from '@app/shared'

const PREFIX = 'followup:context:'
const MAX_AGE_MS = 7 * 24 * 3600_000

interface Saved { savedAt: number, context: unknown }

const keyOf = (salesperson: string, externalUserId: string) => `${PREFIX}${salesperson}:${externalUserId}`

/**
 * The last context this salesperson saw for a customer, kept on the device so reopening the sidebar shows the form at
 * once (and offline) while the fresh context loads. Scoped by salesperson: a shared phone never shows another's.
 */
export const contextCache = {
  read(salesperson: string, externalUserId: string): CustomerContext | null {
    try {
      const saved = JSON.parse(localStorage.getItem(keyOf(salesperson, externalUserId)) ?? 'null') as Saved | null
      if (!saved || Date.now() - saved.savedAt > MAX_AGE_MS)
        return null
      // Written only after the schema check passed; its shape is rechecked by hand here (zod is not on the first
      // screen) and by the schema once it has loaded (session.ts).
      const context = saved.context as Partial<CustomerContext> | null
      const looksRight = typeof context?.customer?.externalUserId === 'string' && Array.isArray(context.opportunities) && Array.isArray(context.templates)
      return looksRight ? context as CustomerContext : null
    }
    catch {
      return null
    }
  },
  write(salesperson: string, externalUserId: string, context: CustomerContext) {
    try {
      localStorage.setItem(keyOf(salesperson, externalUserId), JSON.stringify({ savedAt: Date.now(), context } satisfies Saved))
    }
    catch {}
  },
  forget(salesperson: string, externalUserId: string) {
    localStorage.removeItem(keyOf(salesperson, externalUserId))
  },
}
