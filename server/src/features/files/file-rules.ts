import { FILE_TYPES, fileExtension, LIMITS } from '@app/shared'

/** One limit for the page and the server (the page checks it before uploading). */
export const MAX_FILE_BYTES = LIMITS.uploadBytes

/** Both the declared type and the extension must be on the list, so a renamed executable is refused. */
export function isAllowedFile(mimeType: string, fileName: string): boolean {
  const extensions = FILE_TYPES.get(mimeType.toLowerCase())
  const extension = fileExtension(fileName)
  return Boolean(extensions && extension && extensions.includes(extension))
}

/** Browsers send multipart file names as UTF-8 bytes that busboy reads as latin1; recover the Chinese name. */
export function decodeFileName(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8')
  return decoded.includes('\uFFFD') ? name : decoded
}
