import type { BusinessLine, BusinessProcess } from '@app/shared'
import { readFileSync } from 'node:fs'
import { BusinessLinesFile } from '@app/shared'
import { ConfigError } from '../../config'

/**
 * Where business lines and processes come from. 谱蓝云 documents no read endpoint for them, so today it is the
 * administrator's BUSINESS_LINES_FILE, read and validated once at start-up; a read endpoint later replaces this module.
 */
export interface BusinessLineSource {
  all: BusinessLine[]
  find: (lineId: number, processId: number) => { line?: BusinessLine, process?: BusinessProcess }
}

export function loadBusinessLines(path: string): BusinessLineSource {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  }
  catch (error) {
    throw new ConfigError(`BUSINESS_LINES_FILE ${path} cannot be read as JSON: ${(error as Error).message}`)
  }
  const parsed = BusinessLinesFile.safeParse(raw)
  if (!parsed.success) {
    const lines = parsed.error.issues.map(issue => `  at ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    throw new ConfigError(`BUSINESS_LINES_FILE ${path} is invalid (expected { "lines": [{ "lineId", "lineName", "processes": [{ "processId", "processName" }] }] }):\n${lines.join('\n')}`)
  }
  const all = parsed.data.lines
  return {
    all,
    find(lineId, processId) {
      const line = all.find(candidate => candidate.lineId === lineId)
      return { line, process: line?.processes.find(candidate => candidate.processId === processId) }
    },
  }
}
