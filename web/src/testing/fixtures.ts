import type { CustomerContext, FollowTemplate, Opportunity } from '@app/shared'
import type { FollowUpForm } from '../follow-up/formState'

export const template: FollowTemplate = {
  templateId: 7,
  templateName: '拜访记录',
  version: 3,
  modules: [
    { moduleId: 11, moduleType: 'Radio', moduleName: '拜访方式', moduleConfig: '{}', required: true, options: [{ optionId: 1, label: '上门' }, { optionId: 2, label: '电话' }] },
    { moduleId: 12, moduleType: 'Text', moduleName: '联系人', moduleConfig: '{}', required: false },
    { moduleId: 13, moduleType: 'TextArea', moduleName: '沟通内容', moduleConfig: '{}', required: true },
    { moduleId: 14, moduleType: 'Attachment', moduleName: '现场照片', moduleConfig: '{}', required: false },
    { moduleId: 15, moduleType: 'Location', moduleName: '拜访地点', moduleConfig: '{}', required: false },
    { moduleId: 16, moduleType: 'Score', moduleName: '意向评分', moduleConfig: '{}', required: false },
  ],
}

export function opportunity(overrides: Partial<Opportunity> = {}): Opportunity {
  return {
    businessId: 100,
    businessName: '年度采购',
    stageId: 1,
    stageName: '初步接洽',
    stages: [{ stageId: 1, stageName: '初步接洽' }, { stageId: 2, stageName: '方案报价' }],
    status: 'open',
    ...overrides,
  }
}

export const context: CustomerContext = {
  customer: { externalUserId: 'wmCustomer1', customerId: 501, name: '张三', corpName: '上海示例科技' },
  opportunities: [opportunity()],
  templates: [template],
}

export function form(overrides: Partial<FollowUpForm> = {}): FollowUpForm {
  return {
    stageId: 1,
    baseStageId: 1,
    templateId: 7,
    answers: {},
    result: 'finish',
    actualStartTime: '2026-03-02T01:00:00.000Z',
    actualEndTime: null,
    remark: '',
    next: { choice: 'none', customTime: null, remindMinutes: 30, scheduleName: '跟进 张三', lengthMinutes: 30 },
    ...overrides,
  }
}
