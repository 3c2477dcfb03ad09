import { BootInfo } from '@app/shared'

/** The server's inline boot block, or null when there is none (vite dev) or it does not parse. */
export function readBoot(doc: Document = document): BootInfo | null {
  const text = doc.getElementById('boot')?.textContent
  if (!text)
    return null
  try {
    const parsed = BootInfo.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  }
  catch {
    return null
  }
}
