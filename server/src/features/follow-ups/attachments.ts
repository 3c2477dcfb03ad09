import type { FollowUpSubmission } from '@app/shared'
import type { KeyValueStore } from '../../store/store'
import { FollowDetail, toFieldErrors } from '@app/shared'
import { AppError } from '../../errors'
import { findUpload } from '../files/file-records'

const FILE_FIELDS = ['fileId', 'fileName', 'fileUrl', 'fileSize'] as const
const carriesFile = (detail: FollowDetail) => FILE_FIELDS.some(field => detail[field] !== undefined)

/**
 * Every attachment must be an upload of this salesperson (recorded at upload); its name, URL and size come from
 * that record, never from the page, so another person's file or a URL pointing anywhere cannot reach 谱蓝云. What the
 * record adds is checked against the add-follow body's detail rules (an http(s) URL, bounded name and size): the
 * rest of the body was checked with the submission and the template, so this is the one part of it not yet checked.
 */
export async function resolveAttachments(store: Pick<KeyValueStore, 'get'>, owner: string, submission: FollowUpSubmission): Promise<FollowUpSubmission> {
  const problems: Record<string, string[]> = {}
  const unsendable: Record<string, string[]> = {}
  const resolve = async (detail: FollowDetail, at: string): Promise<FollowDetail> => {
    const upload = detail.fileId === undefined ? null : await findUpload(store, owner, detail.fileId)
    if (!upload) {
      problems[at] = ['附件已过期或不是你上传的，请重新上传']
      return detail
    }
    const resolved = FollowDetail.safeParse({ ...detail, fileId: upload.fileId, fileName: upload.fileName, fileUrl: upload.fileUrl, fileSize: upload.fileSize })
    if (!resolved.success) {
      for (const [field, messages] of Object.entries(toFieldErrors(resolved.error.issues)))
        unsendable[field ? `${at}.${field}` : at] = messages
      return detail
    }
    return resolved.data
  }
  // Only the answers that carry a file are looked up (and copied); the others are passed on as they are.
  const detailList = await Promise.all(submission.detailList.map((answer, moduleIndex) => answer.detail.some(carriesFile)
    ? Promise.all(answer.detail.map((detail, detailIndex) => carriesFile(detail) ? resolve(detail, `detailList.${moduleIndex}.detail.${detailIndex}`) : detail))
        .then(detail => ({ ...answer, detail }))
    : answer))
  if (Object.keys(problems).length)
    throw new AppError(422, 'FILE_NOT_FOUND', '附件已过期或不是你上传的，请删除后重新上传', problems)
  if (Object.keys(unsendable).length)
    throw new AppError(422, 'MODULE_ANSWER_INVALID', Object.values(unsendable)[0]![0]!, unsendable)
  return { ...submission, detailList }
}
