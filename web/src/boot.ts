import type { BootInfo } from '@app/shared'

/**
 * The server's inline boot block, or null when there is none (vite dev) or it is not JSON. Its shape is checked by
 * hand here (the schemas are not on the first screen) and by the shared schema right after (session.ts).
 */
export function readBoot(doc: Document = document): BootInfo | null {
  const text = doc.getElementById('boot')?.textContent
  if (!text)
    return null
  try {
    const parsed = JSON.parse(text) as Partial<BootInfo> | null
    return typeof parsed?.sandbox === 'boolean' ? parsed as BootInfo : null
  }
  catch {
    return null
  }
}
