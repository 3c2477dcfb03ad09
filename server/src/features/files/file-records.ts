import type { UploadedFile } from '@app/shared'
import type { KeyValueStore } from '../../store/store'
import { UploadedFile as UploadedFileSchema } from '@app/shared'

/** How long an upload may be attached: as long as a submission may be retried with its idempotency key. */
export const FILE_RECORD_TTL_MS = 48 * 3600_000

const keyOf = (owner: string, fileId: number) => `file:${owner}:${fileId}`

/** Remembers who uploaded a file and what 谱蓝云 answered, so a follow-up can attach only its sender's uploads. */
export async function recordUpload(store: Pick<KeyValueStore, 'set'>, owner: string, file: UploadedFile): Promise<void> {
  await store.set(keyOf(owner, file.fileId), JSON.stringify(file), FILE_RECORD_TTL_MS)
}

/** The upload as 谱蓝云 answered it, when this salesperson uploaded it and the record has not expired; else null. */
export async function findUpload(store: Pick<KeyValueStore, 'get'>, owner: string, fileId: number): Promise<UploadedFile | null> {
  const stored = await store.get(keyOf(owner, fileId))
  if (stored === null)
    return null
  const parsed = UploadedFileSchema.safeParse(JSON.parse(stored))
  return parsed.success ? parsed.data : null
}
