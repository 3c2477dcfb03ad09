/** What a follow-up may attach: photos and the documents sales staff share, at most 10 MB each. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024

const ALLOWED = new Map<string, string[]>([
  ['image/jpeg', ['.jpg', '.jpeg']],
  ['image/png', ['.png']],
  ['image/gif', ['.gif']],
  ['image/webp', ['.webp']],
  ['image/heic', ['.heic']],
  ['application/pdf', ['.pdf']],
  ['application/msword', ['.doc']],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['.docx']],
  ['application/vnd.ms-excel', ['.xls']],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['.xlsx']],
  ['application/vnd.ms-powerpoint', ['.ppt']],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation', ['.pptx']],
  ['text/plain', ['.txt']],
])

/** Both the declared type and the extension must be on the list, so a renamed executable is refused. */
export function isAllowedFile(mimeType: string, fileName: string): boolean {
  const extensions = ALLOWED.get(mimeType.toLowerCase())
  const extension = fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0]
  return Boolean(extensions && extension && extensions.includes(extension))
}

/** Browsers send multipart file names as UTF-8 bytes that busboy reads as latin1; recover the Chinese name. */
export function decodeFileName(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8')
  return decoded.includes('\uFFFD') ? name : decoded
}
