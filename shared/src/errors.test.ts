import { describe, expect, it } from 'vitest'
import { FollowUpSubmission } from './api'
import { ApiErrorBody, ERROR_CODES, ErrorCode, toFieldErrors } from './errors'
import { setAt, validSubmission } from './fixtures/samples'

describe('toFieldErrors', () => {
  it.each([
    ['no issues', [], {}],
    ['an issue without a path', [{ path: [], message: '表单有误' }], { _form: ['表单有误'] }],
    ['a top-level field', [{ path: ['result'], message: '请填写跟进结果' }], { result: ['请填写跟进结果'] }],
    ['a nested path with indexes', [{ path: ['detailList', 0, 'detail', 1, 'lat'], message: '纬度' }], { 'detailList.0.detail.1.lat': ['纬度'] }],
    ['a symbol key', [{ path: [Symbol('s')], message: 'x' }], { 'Symbol(s)': ['x'] }],
    [
      'several issues at one path, in order',
      [{ path: ['a'], message: '一' }, { path: ['b'], message: '二' }, { path: ['a'], message: '三' }],
      { a: ['一', '三'], b: ['二'] },
    ],
  ])('flattens %s', (_, issues, expected) => {
    expect(toFieldErrors(issues)).toEqual(expected)
  })

  it('turns a real zod failure into dotted keys the form can show', () => {
    const body = setAt(setAt(validSubmission(), 'detailList.1.detail.0.lat', 91), 'result', '')
    const parsed = FollowUpSubmission.safeParse(body)
    expect(parsed.success).toBe(false)
    expect(toFieldErrors(parsed.error!.issues)).toEqual({
      'result': ['请填写跟进结果'],
      'detailList.1.detail.0.lat': ['纬度必须在 -90 到 90 之间'],
    })
  })
})

describe('apiErrorBody', () => {
  it.each([
    [{ error: { code: 'VALIDATION_FAILED', message: '请检查表单', fieldErrors: { result: ['请填写跟进结果'] } } }, true],
    [{ error: { code: 'INTERNAL', message: '服务出错了', requestId: 'r-1' } }, true],
    [{ error: { code: 'INTERNAL' } }, false],
    [{ code: 'INTERNAL', message: 'x' }, false],
    [{ error: { code: 'X', message: 'x', fieldErrors: { a: 'not a list' } } }, false],
  ])('parses %j: %s', (body, ok) => {
    expect(ApiErrorBody.safeParse(body).success).toBe(ok)
  })

  it('offers exactly the listed codes', () => {
    expect(ErrorCode.options).toEqual([...ERROR_CODES])
    expect(ErrorCode.safeParse('NOPE').success).toBe(false)
  })
})
