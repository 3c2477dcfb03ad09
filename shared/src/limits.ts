// Numbers of the contract, in a module that imports nothing: the schemas and the zod-free constants both read them.
export const LIMITS = {
  detailsPerFollowUp: 50,
  answersPerModule: 20,
  contentLength: 2000,
  remarkLength: 2000,
  resultLength: 200,
  nameLength: 100,
  moduleConfigLength: 10_000,
  fileNameLength: 255,
  urlLength: 2048,
  fileSizeBytes: 20 * 1024 * 1024,
  /** What our server accepts per upload; the page checks it before uploading (photos are compressed first). */
  uploadBytes: 10 * 1024 * 1024,
  scheduleMinutes: 24 * 60,
  remindMinutes: 7 * 24 * 60,
} as const

/** Results offered when a template lists none. */
export const DEFAULT_RESULTS = [
  { value: 'finish', label: '已完成' },
  { value: 'unfinished', label: '未完成' },
] as const
