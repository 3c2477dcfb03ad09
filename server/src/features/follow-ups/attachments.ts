import type { FollowDetail, FollowUpSubmission } from '@app/shared'
import type { KeyValueStore } from '../../store/store'
import { AppError } from '../../errors'
import { findUpload } from '../files/file-records'

const FILE_FIELDS = ['fileId', 'fileName', 'fileUrl', 'fileSize'] as const
const carriesFile = (detail: FollowDetail) => FILE_FIELDS.some(field => detail[field] !== undefined)

/**
 * Every attachment must be an upload of this salesperson (recorded at upload); its name, URL and size come from
 * that record, never from the page, so another person's file or a URL pointing anywhere cannot reach 谱蓝云.
 */
export async function resolveAttachments(store: Pick<KeyValueStore, 'get'>, owner: string, submission: FollowUpSubmission): Promise<FollowUpSubmission> {
  const problems: Record<string, string[]> = {}
  const detailList = await Promise.all(submission.detailList.map(async (answer, moduleIndex) => ({
    ...answer,
    detail: await Promise.all(answer.detail.map(async (detail, detailIndex) => {
      if (!carriesFile(detail))
        return detail
      const upload = detail.fileId === undefined ? null : await findUpload(store, owner, detail.fileId)
      if (!upload) {
        problems[`detailList.${moduleIndex}.detail.${detailIndex}`] = ['附件已过期或不是你上传的，请重新上传']
        return detail
      }
      return { ...detail, fileId: upload.fileId, fileName: upload.fileName, fileUrl: upload.fileUrl, fileSize: upload.fileSize }
    })),
  })))
  if (Object.keys(problems).length)
    throw new AppError(422, 'FILE_NOT_FOUND', '附件已过期或不是你上传的，请删除后重新上传', problems)
  return { ...submission, detailList }
}
