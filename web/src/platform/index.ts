import type { Platform } from './types'
import type { PreSigned } from './wecom'

export type { Platform, PlatformLocation, PlatformVoice } from './types'
export { GROUP_ENTRY, isCustomerEntry, PlatformError } from './types'

/** WeCom when the page runs inside WeCom, the sandbox stand-in when the server says so, otherwise none. */
export async function choosePlatform(sandbox: boolean, preSigned?: PreSigned): Promise<Platform | null> {
  const wecom = await import('./wecom')
  if (wecom.isWeCom())
    return wecom.createWeComPlatform(preSigned)
  if (sandbox) {
    const { createSandboxPlatform } = await import('./sandbox/sandboxPlatform')
    return createSandboxPlatform()
  }
  return null
}
