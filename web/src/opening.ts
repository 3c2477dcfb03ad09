import type { BootInfo } from '@app/shared'
import type { getCustomerContext } from './api/endpoints'
import type { Platform } from './platform'
import { loadEndpoints } from './api/lazy'
import { readBoot } from './boot'
import { mark } from './marks'
import { choosePlatform, GROUP_ENTRY, isCustomerEntry } from './platform'

export type ContextAnswer = Awaited<ReturnType<typeof getCustomerContext>>

export type OpeningSteps
  = | { kind: 'no-platform' }
    | { kind: 'wrong-entry', entry: string }
    | { kind: 'group', entry: string, chatId: string }
    | { kind: 'customer', entry: string, externalUserId: string, context: Promise<ContextAnswer> }

export interface Opening {
  /** The inline boot block, or (the Vite dev server) the server's answer; the page never assumes the sandbox. */
  boot: Promise<BootInfo>
  /** Whether the boot block came inline (unchecked until the schemas arrive) rather than from the checked request. */
  bootInline: boolean
  platform: Promise<Platform | null>
  /** Where the page was opened from (null without a platform); known before the customer is. */
  entry: Promise<string | null>
  steps: Promise<OpeningSteps>
}

async function stepsWith(chosen: Platform | null, entry: string | null, customer: Promise<string | null>): Promise<OpeningSteps> {
  if (!chosen || entry === null)
    return { kind: 'no-platform' }
  if (entry === GROUP_ENTRY)
    return { kind: 'group', entry, chatId: await chosen.getCurExternalChat() }
  if (!isCustomerEntry(entry))
    return { kind: 'wrong-entry', entry }
  const externalUserId = (await customer) ?? await chosen.getCurExternalContact()
  mark('opening:customer')
  const context = loadEndpoints().then((api) => {
    mark('opening:context-sent')
    return api.getCustomerContext(externalUserId)
  })
  // Also marks a failure as handled here: the session store reports it.
  context.then(() => mark('opening:context'), () => {})
  return { kind: 'customer', entry, externalUserId, context }
}

/** Who, which platform, which entry and customer; the context request starts the moment the customer is known. */
export function beginOpening(): Opening {
  const inline = readBoot()
  // The HTTP client and the endpoints arrive in parallel with the WeCom module: the bridge is asked while they download.
  const boot = inline ? Promise.resolve(inline) : loadEndpoints().then(api => api.getBoot())
  const platform = boot.then(found => (found.me ? choosePlatform(found.sandbox, found.jssdk) : null))
  platform.then(() => mark('opening:platform'), () => {})
  // Inside WeCom both questions go to the client at once (one bridge round trip less before the context request); the
  // customer is only used when the entry allows one. The sandbox asks in turn: its customer question may open a picker.
  const customer = platform.then(chosen => (chosen?.kind === 'wecom' ? chosen.getCurExternalContact() : null))
  const entry = platform.then(chosen => (chosen ? chosen.getEntry() : null))
  const steps = Promise.all([platform, entry]).then(([chosen, found]) => stepsWith(chosen, found, customer))
  for (const pending of [boot, platform, customer, entry, steps])
    pending.catch(() => {})
  return { boot, bootInline: inline !== null, platform, entry, steps }
}

let early: Opening | undefined

/** main.ts runs this first, before Vue and the rest of the page have arrived, so they download while it runs. */
export function openEarly(): Opening {
  early = beginOpening()
  return early
}

/** The opening begun by main.ts (once), or a new one (a retry, or tests). */
export function takeOpening(): Opening {
  const opening = early ?? beginOpening()
  early = undefined
  return opening
}
