import type { SubmissionModuleAnswer } from './api'
import { describe, expect, it } from 'vitest'
import { demoTemplate } from './fixtures/samples'
import { templateProblems } from './follow-up'
import { FollowTemplate } from './template'

const template = FollowTemplate.parse(demoTemplate())
const radio = { moduleId: 1, detail: [{ optionId: 101 }] }
const text = { moduleId: 2, detail: [{ content: '聊了新品' }] }
const problemsOf = (...detailList: SubmissionModuleAnswer[]) => templateProblems(template, { detailList })

describe('templateProblems', () => {
  it.each([
    ['only the required modules', [radio, text]],
    ['every module', [radio, text, { moduleId: 3, detail: [{ fileId: 9 }] }, { moduleId: 4, detail: [{ lat: 0, lng: 0 }] }]],
    ['modules in another order', [text, radio]],
    ['an optional module left empty', [radio, text, { moduleId: 3, detail: [] }]],
    ['several answers in one module', [radio, text, { moduleId: 3, detail: [{ fileId: 9 }, { fileId: 10 }] }]],
  ])('finds nothing wrong with %s', (_, detailList) => {
    expect(problemsOf(...detailList)).toEqual({})
  })

  it.each([
    [
      'a module the template does not have',
      [radio, text, { moduleId: 99, detail: [{ content: 'x' }] }],
      { 'detailList.2.moduleId': ['模板「日常」没有模块 99'] },
    ],
    [
      'a module sent twice',
      [radio, text, { moduleId: 1, detail: [{ optionId: 102 }] }],
      { 'detailList.2.moduleId': ['「客户意向」重复提交'] },
    ],
    [
      'a required module missing',
      [radio],
      { 'modules.2': ['「沟通内容」是必填项'] },
    ],
    [
      'every required module missing',
      [],
      { 'modules.1': ['「客户意向」是必填项'], 'modules.2': ['「沟通内容」是必填项'] },
    ],
    [
      'a required module with no answers',
      [radio, { moduleId: 2, detail: [] }],
      { 'modules.2': ['「沟通内容」是必填项'] },
    ],
    [
      'a text module answered with an option',
      [radio, { moduleId: 2, detail: [{ optionId: 101 }] }],
      { 'detailList.1.detail.0': ['「沟通内容」请填写内容（缺少 content）'] },
    ],
    [
      'a radio module answered with text',
      [{ moduleId: 1, detail: [{ content: '高' }] }, text],
      { 'detailList.0.detail.0': ['「客户意向」是单选题，请选择一个选项（缺少 optionId）'] },
    ],
    [
      'an attachment without fileId',
      [radio, text, { moduleId: 3, detail: [{ fileName: 'a.png' }] }],
      { 'detailList.2.detail.0': ['「现场照片」需要上传附件（缺少 fileId）'] },
    ],
    [
      'a location without lng, in its second answer',
      [radio, text, { moduleId: 4, detail: [{ lat: 1, lng: 2 }, { lat: 1 }] }],
      { 'detailList.2.detail.1': ['「拜访地点」需要定位（缺少 lat 或 lng）'] },
    ],
    [
      'an option the module does not offer',
      [{ moduleId: 1, detail: [{ optionId: 999 }] }, text],
      { 'detailList.0.detail.0.optionId': ['「客户意向」没有这个选项'] },
    ],
  ])('reports %s', (_, detailList, expected) => {
    expect(problemsOf(...detailList)).toEqual(expected)
  })

  it('reports every problem at once, each at its own key', () => {
    const problems = problemsOf({ moduleId: 1, detail: [{ optionId: 999 }] }, { moduleId: 99, detail: [] }, { moduleId: 1, detail: [] })
    expect(Object.keys(problems).sort()).toEqual(['detailList.0.detail.0.optionId', 'detailList.1.moduleId', 'detailList.2.moduleId', 'modules.2'])
  })
})
