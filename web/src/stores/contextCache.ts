import { CustomerContext } from '@app/shared'

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
      const parsed = CustomerContext.safeParse(saved.context)
      return parsed.success ? parsed.data : null
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
