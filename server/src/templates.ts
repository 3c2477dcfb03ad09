import type { FollowTemplate } from '@app/shared'
import { readFileSync } from 'node:fs'
import { TemplatesFile } from '@app/shared'
import { ConfigError } from './config'

export interface TemplateRegistry {
  all: FollowTemplate[]
  byId: (templateId: number) => FollowTemplate | undefined
}

/** Loads and validates the template file at start-up; a bad entry stops the process with a message pointing at it. */
export function loadTemplates(path: string): TemplateRegistry {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  }
  catch (error) {
    throw new ConfigError(`TEMPLATES_FILE ${path} cannot be read as JSON: ${(error as Error).message}`)
  }
  const parsed = TemplatesFile.safeParse(raw)
  if (!parsed.success) {
    const lines = parsed.error.issues.map(issue => `  at ${describePath(raw, issue.path)}: ${issue.message}`)
    throw new ConfigError(`TEMPLATES_FILE ${path} is invalid:\n${lines.join('\n')}`)
  }
  const templates = parsed.data.templates
  const byId = new Map(templates.map(template => [template.templateId, template]))
  return { all: templates, byId: id => byId.get(id) }
}

/** `templates[1].modules[0].options` plus the template's id and name, so an administrator finds the entry. */
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  const text = path.map(part => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '')
  const templateIndex = path[0] === 'templates' && typeof path[1] === 'number' ? path[1] : undefined
  const template = templateIndex === undefined ? undefined : (raw as { templates?: Record<string, unknown>[] }).templates?.[templateIndex]
  return template ? `${text} (templateId ${String(template.templateId)} ${String(template.templateName ?? '')})` : text
}
