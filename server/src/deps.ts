import type { SandboxCustomer, SandboxGroups } from '@app/shared'
import type { Logger } from 'pino'
import type { AppConfig } from './config'
import type { UploadLimits } from './features/files/upload-slots'
import type { BusinessLineSource } from './features/opportunities/business-lines'
import type { LimitStoreFor } from './hardening'
import type { Metrics } from './metrics/metrics'
import type { KeyValueStore } from './store/store'
import type { TemplateRegistry } from './templates'
import type { PulanClient } from './upstream/pulan'
import type { WecomClient } from './upstream/wecom'

/** What createApp is given (server.ts builds it); a feature asks for the Pick<> of what it uses. */
export interface AppDeps {
  config: AppConfig
  store: KeyValueStore
  wecom: WecomClient
  pulan: PulanClient
  templates: TemplateRegistry
  /** Absent when no BUSINESS_LINES_FILE is configured: 新建商机 is not offered. */
  businessLines?: BusinessLineSource
  logger: Logger
  /** Concurrent uploads allowed per salesperson and in total (defaults in upload-slots.ts). */
  uploadLimits?: UploadLimits
  /** With REDIS_URL: rate-limit counters shared by every instance; in memory otherwise. */
  rateLimitStoreFor?: LimitStoreFor
  metrics: Metrics
  /** Sandbox mode only: the demo customers a salesperson follows, for the page's customer picker. */
  sandboxCustomers?: (wecomUserId: string) => SandboxCustomer[]
  /** Sandbox mode only: the demo customer groups, for opening a group entry outside WeCom. */
  sandboxGroups?: () => SandboxGroups['groups']
}
