export interface PlatformLocation { lat: number, lng: number, address?: string }

export interface PlatformVoice {
  /**
   * Starts recording. The client stops by itself after 60 s: `onAutoStop` then receives the recognised text of that
   * recording (or its failure), so nothing said is lost.
   */
  start: (onAutoStop: (spoken: Promise<string>) => void) => Promise<void>
  /** Stops recording and resolves to the recognised text. */
  stop: () => Promise<string>
}

export interface Platform {
  kind: 'wecom' | 'sandbox'
  /** The PC sidebar (Windows/Mac WeCom): no voice recording, location often unavailable, about 360 px wide. */
  desktop: boolean
  /** Resolves when the SDK handshake is done; calls below may be made before, they wait for what they need. */
  ready: () => Promise<void>
  getEntry: () => Promise<string>
  getCurExternalContact: () => Promise<string>
  /** The customer group's chatId; only from the `group_chat_tools` entry. */
  getCurExternalChat: () => Promise<string>
  getLocation: () => Promise<PlatformLocation>
  /** Only where the client can record (never on the PC sidebar). */
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

/**
 * How a platform call failed: `cancel` is the salesperson's own choice (stay quiet); `permission` and `signature`
 * are console settings an administrator fixes; `timeout` is a client that did not answer in time.
 */
export type PlatformFailure = 'cancel' | 'permission' | 'signature' | 'timeout' | 'unsupported' | 'too-short' | 'failed'

/** A platform call failed; `message` is Chinese and may be shown as is. The client's raw words never are. */
export class PlatformError extends Error {
  constructor(
    message: string,
    readonly failure: PlatformFailure = 'failed',
    /** The JS-SDK call that failed (`agentConfig`, `getLocation`, ...), for the operators' report. */
    readonly api = '',
    /** The client's error keyword (`invalid signature`, `no permission`, `timeout`), for the operators' report. */
    readonly keyword = '',
  ) {
    super(message)
    this.name = 'PlatformError'
  }
}
