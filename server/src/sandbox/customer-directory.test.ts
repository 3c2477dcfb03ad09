import { describe, expect, it } from 'vitest'
import { sandboxCustomersOf } from './customer-directory'

const sandbox = { avatarUrl: (id: string) => `http://127.0.0.1:1/avatars/${id}.jpg` }

describe('sandboxCustomersOf', () => {
  it.each([
    ['zhangwei', ['wmDemoChenJing01', 'wmDemoLiuYang02', 'wmDemoZhouMin03', 'wmDemoWuTing05']],
    ['lina', ['wmDemoSunHao04', 'wmDemoWuTing05']],
    ['nobody', []],
  ])('lists the customers %s follows', (wecomUserId, ids) => {
    expect(sandboxCustomersOf(sandbox, wecomUserId).map(c => c.externalUserId)).toEqual(ids)
  })

  it('gives each customer its avatar URL and company', () => {
    expect(sandboxCustomersOf(sandbox, 'wangqiang')).toEqual([
      { externalUserId: 'wmDemoZhengKai06', name: '郑凯', corpName: '武汉长江物流有限公司', avatar: 'http://127.0.0.1:1/avatars/wmDemoZhengKai06.jpg' },
    ])
  })
})
