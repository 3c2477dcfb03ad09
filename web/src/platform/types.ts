export interface PlatformLocation { lat: number, lng: number, address?: string }

export interface PlatformVoice {
  start: () => Promise<void>
  /** Stops recording and resolves to the recognised text. */
  stop: () => Promise<string>
}

export interface Platform {
  kind: 'wecom' | 'sandbox'
  /** Resolves when the SDK handshake is done; calls below may be made before, they wait for what they need. */
  ready: () => Promise<void>
  getEntry: () => Promise<string>
  getCurExternalContact: () => Promise<string>
  /** The customer group's chatId; only from the `group_chat_tools` entry. */
  getCurExternalChat: () => Promise<string>
  getLocation: () => Promise<PlatformLocation>
  voice?: PlatformVoice
  /** Sandbox only: lets a tester pick another customer. */
  switchCustomer?: () => Promise<string>
}

/** Entries from which the current external contact is known. */
export const CUSTOMER_ENTRIES = ['single_chat_tools', 'contact_profile'] as const

export function isCustomerEntry(entry: string) {
  return (CUSTOMER_ENTRIES as readonly string[]).includes(entry)
}

/** The entry of a customer group's chat toolbar: the page lists the group's customers first. */
export const GROUP_ENTRY = 'group_chat_tools'

/** A platform call failed; `message` is Chinese and may be shown as is. */
export class PlatformError extends Error {
  constructor(message: string, readonly reason?: unknown) {
    super(message)
    this.name = 'PlatformError'
  }
}
