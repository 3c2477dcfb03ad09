import { describe, expect, it } from 'vitest'
import { CHINESE, fieldErrorsOf, seedBody, setAt } from './fixtures/samples'
import { AddFollowRequest } from './pulan'

const MODULE = 'detailList.0'
const DETAIL = 'detailList.0.detail.0'
const errorsWith = (path: string, value: unknown) => fieldErrorsOf(AddFollowRequest, setAt(seedBody(), path, value))

function expectOnlyError(path: string, value: unknown, at: string, fragment: string) {
  const errors = errorsWith(path, value)
  expect(Object.keys(errors)).toEqual([at])
  expect(errors[at]).toContainEqual(expect.stringContaining(fragment))
  expect(errors[at]?.[0]).toMatch(CHINESE)
}

describe('addFollowRequest: ids', () => {
  const idPaths = ['businessId', 'stageId', 'templateId', 'userId', `${MODULE}.moduleId`, `${DETAIL}.optionId`, `${DETAIL}.fileId`]
  const badIds: [unknown, string][] = [[0, '必须大于 0'], [-1, '必须大于 0'], [1.5, '必须是整数'], ['10', '必须是数字'], [2 ** 53, '过大'], [null, '必须是数字']]
  it.each(idPaths.flatMap(path => badIds.map(([value, fragment]) => [path, value, fragment] as const)))(
    'rejects %s = %j (%s)',
    (path, value, fragment) => expectOnlyError(path, value, path, fragment),
  )

  it.each(idPaths)('accepts %s = Number.MAX_SAFE_INTEGER', (path) => {
    expect(errorsWith(path, Number.MAX_SAFE_INTEGER)).toEqual({})
  })

  it.each([[-1, '不能为负'], [1.5, '必须是整数']])('rejects version %j', (value, fragment) => {
    expectOnlyError('version', value, 'version', fragment)
  })

  it('accepts version 0', () => expect(errorsWith('version', 0)).toEqual({}))
})

describe('addFollowRequest: text lengths', () => {
  it.each([
    ['result', 200],
    ['remark', 2000],
    ['templateName', 100],
    [`${MODULE}.moduleType`, 32],
    [`${MODULE}.moduleName`, 100],
    [`${MODULE}.moduleCommunicateResult`, 200],
    [`${DETAIL}.content`, 2000],
    [`${DETAIL}.fileName`, 255],
    ['nextTime.scheduleName', 100],
    [`${DETAIL}.nextTime.scheduleName`, 100],
  ])('limits %s to %i characters', (path, max) => {
    expect(errorsWith(path, '字'.repeat(max))).toEqual({})
    expectOnlyError(path, '字'.repeat(max + 1), path, `不能超过 ${max} 个字`)
  })

  it.each(['result', 'templateName', `${MODULE}.moduleType`, `${MODULE}.moduleName`, 'nextTime.scheduleName'])(
    'requires %s to be more than blanks',
    (path) => {
      const errors = errorsWith(path, '  ')
      expect(errors[path]).toContainEqual(expect.stringContaining('请填写'))
    },
  )
})

describe('addFollowRequest: times', () => {
  const timePaths = ['actualStartTime', 'actualEndTime', 'nextTime.nextContactTime', `${DETAIL}.nextTime.nextContactTime`]
  const notIso = ['2019-08-24 14:15:22', '2019-08-24', '2019-08-24T14:15:22', '2019-02-30T14:15:22Z', '24/08/2019', 1566656122000]
  it.each(timePaths.flatMap(path => notIso.map(value => [path, value] as const)))('rejects %s = %j, reporting only its format', (path, value) => {
    expectOnlyError(path, value, path, 'ISO-8601')
  })

  it.each(['actualStartTime', 'actualEndTime'])('reports only the format when %s is unreadable', (path) => {
    expect(Object.keys(errorsWith(path, 'garbage'))).toEqual([path])
  })

  it.each([
    ['one second before the start', '2019-08-24T14:15:22Z', '2019-08-24T14:15:21Z'],
    ['earlier once offsets are applied', '2026-01-31T09:00:00+08:00', '2026-01-31T00:59:59Z'],
  ])('rejects an actualEndTime %s, at actualEndTime', (_, actualStartTime, actualEndTime) => {
    const errors = fieldErrorsOf(AddFollowRequest, { ...seedBody(), actualStartTime, actualEndTime })
    expect(errors).toEqual({ actualEndTime: ['实际结束时间不能早于开始时间'] })
  })

  it.each([
    ['equal to the start', '2019-08-24T14:15:22Z', '2019-08-24T14:15:22Z'],
    ['later once offsets are applied', '2026-01-31T09:00:00+08:00', '2026-01-31T01:00:00.001Z'],
  ])('accepts an actualEndTime %s', (_, actualStartTime, actualEndTime) => {
    expect(fieldErrorsOf(AddFollowRequest, { ...seedBody(), actualStartTime, actualEndTime })).toEqual({})
  })
})

describe('addFollowRequest: detail values', () => {
  it.each([
    ['lat', '90.000001', 90.000001, '纬度必须在 -90 到 90 之间'],
    ['lat', '-90.5', -90.5, '纬度必须在 -90 到 90 之间'],
    ['lat', '39.9', '39.9', '纬度必须是数字'],
    ['lng', '180.5', 180.5, '经度必须在 -180 到 180 之间'],
    ['lng', '-181', -181, '经度必须在 -180 到 180 之间'],
    ['lng', 'null', null, '经度必须是数字'],
    ['fileUrl', 'ftp://host/file.png', 'ftp://host/file.png', '文件地址必须是 http(s) 链接'],
    ['fileUrl', 'file.png', 'file.png', '文件地址必须是 http(s) 链接'],
    ['fileUrl', 'javascript:alert(1)', 'javascript:alert(1)', '文件地址必须是 http(s) 链接'],
    ['fileUrl', 'over 2048 characters', `https://host/${'a'.repeat(2048)}`, '文件地址过长'],
    ['fileSize', '-1', -1, '文件大小不能为负'],
    ['fileSize', '20 * 1024 * 1024 + 1', 20 * 1024 * 1024 + 1, '文件过大'],
  ])('rejects detail %s = %s', (field, _, value, fragment) => {
    expectOnlyError(`${DETAIL}.${field}`, value, `${DETAIL}.${field}`, fragment)
  })

  it.each([['lat', 90], ['lat', -90], ['lng', 180], ['lng', -180], ['fileSize', 0], ['fileSize', 20 * 1024 * 1024]])(
    'accepts detail %s = %j',
    (field, value) => expect(errorsWith(`${DETAIL}.${field}`, value)).toEqual({}),
  )
})

describe('addFollowRequest: counts', () => {
  const module = seedBody().detailList[0]!
  it('accepts 50 modules and rejects 51', () => {
    expect(errorsWith('detailList', Array.from({ length: 50 }, () => module))).toEqual({})
    expectOnlyError('detailList', Array.from({ length: 51 }, () => module), 'detailList', '最多 50 个模块')
  })

  it('accepts 20 answers in a module and rejects 21', () => {
    const detail = module.detail[0]!
    expect(errorsWith(`${MODULE}.detail`, Array.from({ length: 20 }, () => detail))).toEqual({})
    expectOnlyError(`${MODULE}.detail`, Array.from({ length: 21 }, () => detail), `${MODULE}.detail`, '每个模块最多 20 个答案')
  })
})
