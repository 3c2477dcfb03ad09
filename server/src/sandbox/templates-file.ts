import type { FollowTemplate } from '@app/shared'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { TemplatesFile } from '@app/shared'

/** The demo templates the sandbox ships; the app uses the same file in sandbox mode. */
export const SANDBOX_TEMPLATES_FILE = fileURLToPath(new URL('./templates.json', import.meta.url))

export function loadTemplates(file: string = SANDBOX_TEMPLATES_FILE): FollowTemplate[] {
  return TemplatesFile.parse(JSON.parse(readFileSync(file, 'utf8'))).templates
}
