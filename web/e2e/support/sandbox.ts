import { SANDBOX_CONTROL_URL } from './ports'

export interface SandboxRecords {
  counts: Record<string, number>
  addFollows: Record<string, any>[]
  createBusinesses: Record<string, any>[]
  schedules: { businessId: number, scheduleName?: string, nextContactTime: string }[]
}

/** The sandbox's control API (loopback): what it received, faults, reset. */
export const sandbox = {
  async records(): Promise<SandboxRecords> {
    return (await fetch(`${SANDBOX_CONTROL_URL}/records`)).json()
  },
  /** Keeps issued tickets valid: the app under test has them cached, as a real deployment would. */
  async reset() {
    await fetch(`${SANDBOX_CONTROL_URL}/reset?keepTokens=1`, { method: 'POST' })
  },
  /** WeCom stops honouring every token and ticket issued so far (the app's cache still holds them). */
  async expireTokens() {
    await fetch(`${SANDBOX_CONTROL_URL}/expire-tokens`, { method: 'POST' })
  },
  async fault(endpoint: string, fault: Record<string, unknown>, times?: number) {
    await fetch(`${SANDBOX_CONTROL_URL}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint, fault, ...(times && { times }) }),
    })
  },
  async clearFaults() {
    await fetch(`${SANDBOX_CONTROL_URL}/faults`, { method: 'DELETE' })
  },
  async tickets(): Promise<{ jsapi: string[], agent: string[] }> {
    return (await fetch(`${SANDBOX_CONTROL_URL}/tickets`)).json()
  },
}
