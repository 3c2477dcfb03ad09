import { describe, expect, it } from 'vitest'
import { PlatformError } from '../../platform'
import { locationProblem } from './locationProblem'

const failure = (kind: PlatformError['failure']) => new PlatformError('x', kind, 'getLocation', kind)

describe('locationProblem', () => {
  it('stays quiet on a cancel', () => {
    expect(locationProblem(failure('cancel'), false, true)).toBeNull()
  })
  it('skips an optional module on the PC sidebar', () => {
    expect(locationProblem(failure('unsupported'), true, false)).toMatchObject({ skipped: true, message: expect.stringContaining('已跳过') })
  })
  it('tells how to finish a required module on the PC sidebar, keeping what was written', () => {
    const problem = locationProblem(failure('timeout'), true, true)
    expect(problem).toMatchObject({ skipped: false })
    expect(problem?.message).toContain('手机企业微信')
    expect(problem?.message).toContain('会保留')
  })
  it.each([['permission', '定位权限'], ['timeout', '定位超时'], ['failed', '无法获取位置']] as const)('explains a %s on a phone', (kind, words) => {
    expect(locationProblem(failure(kind), false, true)?.message).toContain(words)
  })
})
