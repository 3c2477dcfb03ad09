/** The example body of the seed page (`POST /open-api/customer/biz-submit/add-follow`), verbatim. */
export const SEED_ADD_FOLLOW_EXAMPLE = {
  businessId: 10,
  stageId: 10,
  templateId: 10,
  templateName: '日常',
  version: 1,
  userId: 10,
  result: 'finish',
  nextTime: {
    scheduleName: '日常跟进',
    nextContactTime: '2019-08-24T14:15:22Z',
    nextTimeLength: 60,
    nextRemindLength: 30,
  },
  actualStartTime: '2019-08-24T14:15:22Z',
  actualEndTime: '2019-08-24T14:15:22Z',
  remark: '备忘录',
  detailList: [
    {
      moduleId: 20,
      moduleType: 'Radio',
      moduleName: '你的问题是',
      moduleConfig: '{"label":"单选"}',
      moduleCommunicateResult: 'finish',
      detail: [
        {
          optionId: 20,
          content: '这是答案',
          nextTime: {
            scheduleName: '日常跟进',
            nextContactTime: '2019-08-24T14:15:22Z',
            nextTimeLength: 60,
            nextRemindLength: 30,
          },
          fileId: 10,
          fileName: 'file.png',
          fileUrl: 'https://file.png',
          fileSize: 1024,
          lat: 39.984154,
          lng: 39.984154,
        },
      ],
    },
  ],
}
