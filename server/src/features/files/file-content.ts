import { fileTypeFromBuffer } from 'file-type'

// What the bytes may be for each declared type. The old Office formats are all one container (CFB); text has no
// magic number, so it must carry none of another format and no markup a browser would run.
const EXPECTED = new Map<string, string[]>([
  ['image/jpeg', ['image/jpeg']],
  ['image/png', ['image/png']],
  ['image/gif', ['image/gif']],
  ['image/webp', ['image/webp']],
  ['image/heic', ['image/heic', 'image/heif']],
  ['application/pdf', ['application/pdf']],
  ['application/msword', ['application/x-cfb']],
  ['application/vnd.ms-excel', ['application/x-cfb']],
  ['application/vnd.ms-powerpoint', ['application/x-cfb']],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['application/vnd.openxmlformats-officedocument.wordprocessingml.document']],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation', ['application/vnd.openxmlformats-officedocument.presentationml.presentation']],
])

const MARKUP = /^\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe|object|embed)\b/i

/** Whether the file's bytes are what its declared type says (magic numbers, via file-type). */
export async function contentMatchesType(mimeType: string, bytes: Uint8Array): Promise<boolean> {
  const declared = mimeType.toLowerCase()
  const detected = await fileTypeFromBuffer(bytes)
  if (declared === 'text/plain') {
    const head = Buffer.from(bytes.subarray(0, 8192))
    return !detected && !head.includes(0) && !MARKUP.test(head.toString('utf8').replace(/^\uFEFF/, ''))
  }
  return Boolean(detected && EXPECTED.get(declared)?.includes(detected.mime))
}
