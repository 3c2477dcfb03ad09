import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { moduleControl, moduleKind, TemplatesFile } from '@app/shared'
import { describe, expect, it } from 'vitest'
import { SANDBOX_TEMPLATES_FILE } from './config'
import { loadTemplates } from './templates'

describe('shipped templates.json', () => {
  const file = TemplatesFile.parse(JSON.parse(readFileSync(SANDBOX_TEMPLATES_FILE, 'utf8')))

  it('passes TemplatesFile.parse', () => {
    expect(file.templates.length).toBeGreaterThanOrEqual(2)
  })

  it('uses every module type between its templates', () => {
    const types = new Set(file.templates.flatMap(t => t.modules.map(m => m.moduleType)))
    expect([...types].sort()).toEqual(['Attachment', 'Checkbox', 'Date', 'Location', 'Number', 'Radio', 'Text', 'TextArea'])
    expect(new Set([...types].map(moduleKind)).size).toBe(4)
    expect(new Set([...types].map(moduleControl)).size).toBe(8)
  })

  it('starts with the seed example\'s template 10 and its Radio module 20 offering option 20', () => {
    const template = file.templates[0]!
    expect(template).toMatchObject({ templateId: 10, templateName: '日常', version: 1 })
    const radio = template.modules.find(m => m.moduleId === 20)
    expect(radio).toMatchObject({ moduleType: 'Radio', moduleName: '你的问题是' })
    expect(radio?.options?.map(o => o.optionId)).toContain(20)
  })
})

describe('loadTemplates', () => {
  it('refuses a file that does not pass the schema', () => {
    const broken = join(tmpdir(), `sandbox-templates-${process.pid}.json`)
    writeFileSync(broken, JSON.stringify({ templates: [{ templateId: 1, templateName: 'x', version: 1, modules: [{ moduleId: 1, moduleType: 'Radio', moduleName: '单选', moduleConfig: '{}' }] }] }))
    expect(() => loadTemplates(broken)).toThrow(/options/)
  })
})
