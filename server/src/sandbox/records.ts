import type { AcceptedFollow } from './add-follow-schema'
import type { AcceptedCreateBusiness } from './create-business-schema'
import type { EndpointName } from './endpoints'
import { SANDBOX_BOUNDS, trimArray } from './bounded'
import { ENDPOINT_NAMES } from './endpoints'

export interface RecordedRequest {
  method: string
  path: string
  endpoint: EndpointName | null
  query: Record<string, unknown>
  /** HTTP status sent, or 0 when the connection was dropped without an answer. */
  status: number
  /** The `code` (谱蓝云) or `errcode` (WeCom) it answered, or null when the body had none. */
  code: number | null
  at: string
}

/** What the sandbox received and answered, for tests. Secrets in query strings are kept: test-only data. */
export class SandboxRecords {
  readonly requests: RecordedRequest[] = []
  readonly addFollows: AcceptedFollow[] = []
  readonly createBusinesses: AcceptedCreateBusiness[] = []
  /** Calendar entries 谱蓝云 made: create-business makes one only when nextTime has a nextContactTime. */
  readonly schedules: { businessId: number, scheduleName?: string, nextContactTime: string }[] = []
  private readonly counters = new Map<EndpointName, number>()

  count(endpoint: EndpointName): number {
    return this.counters.get(endpoint) ?? 0
  }

  counts(): Record<EndpointName, number> {
    return Object.fromEntries(ENDPOINT_NAMES.map(name => [name, this.count(name)])) as Record<EndpointName, number>
  }

  /** Called when a request for a named endpoint arrives, before faults or validation. */
  arrived(endpoint: EndpointName): void {
    this.counters.set(endpoint, this.count(endpoint) + 1)
  }

  answered(request: RecordedRequest): void {
    this.requests.push(request)
    trimArray(this.requests, SANDBOX_BOUNDS.requests)
  }

  accepted(body: AcceptedFollow): void {
    this.addFollows.push(structuredClone(body))
    trimArray(this.addFollows, SANDBOX_BOUNDS.addFollows)
  }

  acceptedBusiness(body: AcceptedCreateBusiness, businessId: number): void {
    this.createBusinesses.push(structuredClone(body))
    if (body.nextTime?.nextContactTime)
      this.schedules.push({ businessId, scheduleName: body.nextTime.scheduleName, nextContactTime: body.nextTime.nextContactTime })
  }

  clear(): void {
    this.requests.length = 0
    this.addFollows.length = 0
    this.createBusinesses.length = 0
    this.schedules.length = 0
    this.counters.clear()
  }
}
