import { describe, expect, it } from 'vitest'
import { detailProblem, moduleKind } from './module-rule'

describe('moduleKind', () => {
  it.each([
    ['Radio', 'Radio'],
    ['Attachment', 'Attachment'],
    ['Location', 'Location'],
    ['Text', 'Text'],
    ['Textarea', 'Text'],
    ['Date', 'Text'],
    ['', 'Text'],
    ['radio', 'Text'],
    ['LOCATION', 'Text'],
  ])('treats moduleType %j as %s (the page names types case-sensitively; any other type needs content)', (moduleType, kind) => {
    expect(moduleKind(moduleType)).toBe(kind)
  })
})

describe('detailProblem', () => {
  it.each([
    ['Radio', { optionId: 1 }],
    ['Radio', { optionId: 1, content: '' }],
    ['Attachment', { fileId: 7 }],
    ['Location', { lat: 0, lng: 0 }],
    ['Location', { lat: -33.86, lng: 151.2 }],
    ['Text', { content: '有意向' }],
    ['Textarea', { content: ' 有意向 ' }],
    ['Date', { content: '2026-02-01' }],
  ])('accepts a %s answer %j', (moduleType, detail) => {
    expect(detailProblem(moduleType, '模块', detail)).toBeNull()
  })

  it.each([
    ['Radio', { content: '高' }, '单选题', 'optionId'],
    ['Radio', {}, '单选题', 'optionId'],
    ['Attachment', { content: 'a.png' }, '附件', 'fileId'],
    ['Location', { lat: 39.9 }, '定位', 'lng'],
    ['Location', { lng: 116.4 }, '定位', 'lat'],
    ['Location', {}, '定位', 'lat'],
    ['Text', { optionId: 1 }, '填写内容', 'content'],
    ['Text', { content: '' }, '填写内容', 'content'],
    ['Textarea', { content: ' \n\t' }, '填写内容', 'content'],
    ['radio', { optionId: 1 }, '填写内容', 'content'],
  ])('rejects a %s answer %j with a Chinese message naming the module and the missing field', (moduleType, detail, words, field) => {
    const problem = detailProblem(moduleType, '客户意向', detail)
    expect(problem).toContain('「客户意向」')
    expect(problem).toContain(words)
    expect(problem).toContain(field)
  })
})
