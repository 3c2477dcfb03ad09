import type { BusinessLine, FollowTemplate } from '@app/shared'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { BusinessLinesFile, TemplatesFile } from '@app/shared'

/** The demo templates the sandbox ships; the app uses the same file in sandbox mode. */
export const SANDBOX_TEMPLATES_FILE = fileURLToPath(new URL('./templates.json', import.meta.url))

export function loadTemplates(file: string = SANDBOX_TEMPLATES_FILE): FollowTemplate[] {
  return TemplatesFile.parse(JSON.parse(readFileSync(file, 'utf8'))).templates
}

/** The demo business lines and processes (业务线 / 流程) the sandbox's tenant has; the app reads the same file. */
export const SANDBOX_BUSINESS_LINES_FILE = fileURLToPath(new URL('./business-lines.json', import.meta.url))

export function loadBusinessLines(file: string = SANDBOX_BUSINESS_LINES_FILE): BusinessLine[] {
  return BusinessLinesFile.parse(JSON.parse(readFileSync(file, 'utf8'))).lines
}
