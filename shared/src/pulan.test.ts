import { describe, expect, it } from 'vitest'
import { CHINESE, fieldErrorsOf, moduleOf, seedBody, seedWithModule } from './fixtures/samples'
import { AddFollowRequest, PulanResult } from './pulan'

describe('addFollowRequest: the seed example', () => {
  it('accepts the example body from the 谱蓝云 add-follow page unchanged', () => {
    const parsed = AddFollowRequest.safeParse(seedBody())
    expect(parsed.error?.issues).toBeUndefined()
    expect(parsed.data).toEqual(seedBody())
  })
})

describe('addFollowRequest: each detail must fit its moduleType', () => {
  it.each([
    ['a Radio detail without optionId', 'Radio', '你的问题是', { content: '这是答案', fileId: 10 }],
    ['an Attachment detail without fileId', 'Attachment', '现场照片', { fileName: 'file.png', fileUrl: 'https://file.png' }],
    ['a Location detail without lat', 'Location', '拜访地点', { lng: 116.4 }],
    ['a Location detail without lng', 'Location', '拜访地点', { lat: 39.9 }],
    ['a Text detail without content', 'Text', '沟通内容', { optionId: 20 }],
    ['a Textarea detail with empty content', 'Textarea', '客户反馈', { content: '' }],
    ['an unlisted type with blank content', 'Date', '下次拜访', { content: '   ' }],
  ])('rejects %s, naming the module', (_, moduleType, moduleName, detail) => {
    const errors = fieldErrorsOf(AddFollowRequest, seedWithModule(moduleOf(moduleType, moduleName, [detail])))
    expect(Object.keys(errors)).toEqual(['detailList.0.detail.0'])
    expect(errors['detailList.0.detail.0']?.[0]).toContain(`「${moduleName}」`)
    expect(errors['detailList.0.detail.0']?.[0]).toMatch(CHINESE)
  })

  it.each([
    ['a Radio detail with only optionId', 'Radio', { optionId: 1 }],
    ['an Attachment detail with only fileId', 'Attachment', { fileId: 1 }],
    ['a Location detail at 0,0 (zero is a real coordinate)', 'Location', { lat: 0, lng: 0 }],
    ['a Location detail at the poles and date line', 'Location', { lat: -90, lng: 180 }],
    ['a Text detail with content', 'Text', { content: '聊了新品' }],
    ['an unlisted type with content', 'Date', { content: '2026-02-01' }],
  ])('accepts %s', (_, moduleType, detail) => {
    expect(fieldErrorsOf(AddFollowRequest, seedWithModule(moduleOf(moduleType, '模块', [detail])))).toEqual({})
  })

  it('reports the bad answer by index when only a later one is wrong', () => {
    const module = moduleOf('Location', '拜访地点', [{ lat: 1, lng: 2 }, { lat: 1 }])
    expect(Object.keys(fieldErrorsOf(AddFollowRequest, seedWithModule(module)))).toEqual(['detailList.0.detail.1'])
  })

  it('rejects a module with no answers, naming the module', () => {
    const errors = fieldErrorsOf(AddFollowRequest, seedWithModule(moduleOf('Radio', '你的问题是', [])))
    expect(errors['detailList.0.detail']).toEqual(['「你的问题是」没有填写答案'])
  })

  it('accepts an empty detailList (a template without modules)', () => {
    expect(fieldErrorsOf(AddFollowRequest, { ...seedBody(), detailList: [] })).toEqual({})
  })
})

describe('pulanResult', () => {
  it.each([
    ['the documented success', { code: 0, msg: 'string' }, { code: 0, msg: 'string' }],
    ['success without msg (msg defaults to empty)', { code: 0 }, { code: 0, msg: '' }],
    ['a null msg (read as empty)', { code: 0, msg: null }, { code: 0, msg: '' }],
    ['a failure with data', { code: 1001, msg: '商机不存在', data: null }, { code: 1001, msg: '商机不存在', data: null }],
    ['extra upstream fields (dropped)', { code: 0, msg: 'ok', traceId: 'x' }, { code: 0, msg: 'ok' }],
  ])('accepts %s', (_, input, expected) => {
    expect(PulanResult.parse(input)).toEqual(expected)
  })

  it.each([
    ['a string code', { code: '0', msg: 'ok' }],
    ['a fractional code', { code: 0.5 }],
    ['a missing code', { msg: 'ok' }],
    ['a non-string msg', { code: 0, msg: 1 }],
    ['a non-object', 'ok'],
  ])('rejects %s', (_, input) => {
    expect(PulanResult.safeParse(input).success).toBe(false)
  })
})
