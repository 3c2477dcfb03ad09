/** The files a follow-up may attach (photos and the documents sales staff share), by MIME type and extensions. */
export const FILE_TYPES: ReadonlyMap<string, readonly string[]> = new Map([
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

export function fileExtension(fileName: string): string | undefined {
  return fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0]
}

/** The MIME type a file name stands for, when it is one we allow. */
export function mimeTypeOf(fileName: string): string | undefined {
  const extension = fileExtension(fileName)
  for (const [type, extensions] of FILE_TYPES) {
    if (extension && extensions.includes(extension))
      return type
  }
  return undefined
}

/** Whether a file name fits HTML `accept` tokens (`image/*`, `.pdf`, `application/pdf`); no tokens accept any. */
export function acceptsFileName(accept: readonly string[], fileName: string): boolean {
  if (accept.length === 0)
    return true
  const extension = fileExtension(fileName)
  const type = mimeTypeOf(fileName)
  return accept.some(token => token === extension || token === type || (token.endsWith('/*') && !!type?.startsWith(token.slice(0, -1))))
}

/** "图片" for `image/*`, else the tokens as written, for messages like "只能上传图片". */
export function describeAccept(accept: readonly string[]): string {
  return accept.map(token => (token === 'image/*' ? '图片' : token.replace(/^\./, '').toUpperCase())).join('、')
}
