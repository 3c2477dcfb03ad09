import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadSettings, SANDBOX_BUSINESS_LINES_FILE } from '../../config'
import { loadBusinessLines } from './business-lines'

const credentials = {
  WECOM_CORP_ID: 'ww1234567890',
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'wecom-secret-value',
  PULAN_BASE_URL: 'https://open.pulan.example',
  PULAN_APP_KEY: 'pulan-key',
  PULAN_APP_SECRET: 'pulan-secret-value',
}
const production = { ...credentials, NODE_ENV: 'production', SESSION_SECRET: 'q7Vd2LmX9sPzR4tYb8NcW1kJfH6gA3eU', PUBLIC_URL: 'https://followup.example.com' }

function fileWith(content: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'lines-')), 'business-lines.json')
  writeFileSync(path, content)
  return path
}

describe('bUSINESS_LINES_FILE', () => {
  it('is the sandbox\'s demo lines in sandbox mode, and nothing (新建商机 not offered) in production without it', () => {
    expect(loadSettings({}).businessLinesFile).toBe(SANDBOX_BUSINESS_LINES_FILE)
    expect(loadSettings(production).businessLinesFile).toBeUndefined()
    expect(loadSettings({ ...production, BUSINESS_LINES_FILE: '/etc/followup/lines.json' }).businessLinesFile).toBe('/etc/followup/lines.json')
  })

  it('loads the demo lines, each with its processes', () => {
    const lines = loadBusinessLines(SANDBOX_BUSINESS_LINES_FILE)
    expect(lines.all.map(line => [line.lineId, line.processes.map(p => p.processId)])).toEqual([[1, [11]], [2, [21, 22]]])
    expect(lines.find(2, 22)).toMatchObject({ line: { lineName: '客户成功服务' }, process: { processName: '续约流程' } })
    expect(lines.find(1, 22)).toMatchObject({ line: { lineId: 1 }, process: undefined })
    expect(lines.find(9, 11)).toEqual({ line: undefined, process: undefined })
  })

  it.each([
    ['not JSON', '{ lines: ', /cannot be read as JSON/],
    ['no lines', '{ "lines": [] }', /至少要有一条业务线/],
    ['a line without processes', '{ "lines": [{ "lineId": 1, "lineName": "A", "processes": [] }] }', /lines\.0\.processes: 每条业务线至少要有一个流程/],
    ['a process id that is not a number', '{ "lines": [{ "lineId": 1, "lineName": "A", "processes": [{ "processId": "x", "processName": "P" }] }] }', /lines\.0\.processes\.0\.processId/],
    ['a line id twice', '{ "lines": [{ "lineId": 1, "lineName": "A", "processes": [{ "processId": 1, "processName": "P" }] }, { "lineId": 1, "lineName": "B", "processes": [{ "processId": 2, "processName": "Q" }] }] }', /lineId 1 重复/],
  ])('stops the start with a clear error on %s', (_name, content, message) => {
    const path = fileWith(content)
    expect(() => loadBusinessLines(path)).toThrow(ConfigError)
    expect(() => loadBusinessLines(path)).toThrow(message)
  })

  it('stops the start when the file is missing', () => {
    expect(() => loadBusinessLines('/nonexistent/lines.json')).toThrow(/BUSINESS_LINES_FILE \/nonexistent\/lines.json cannot be read/)
  })
})
