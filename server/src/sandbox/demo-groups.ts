/** A demo customer group (客户群) as WeCom's groupchat/get describes it. */
export interface DemoGroup {
  chatId: string
  name: string
  owner: string
  /** What the group shows in the sandbox's group picker. */
  note: string
  staff: string[]
  /** External members: the demo customers' externalUserIds, or `{ id, name }` for people nobody here follows. */
  external: (string | { id: string, name: string })[]
}

/** A chat WeCom refuses to describe, and the errcode it answers. */
export interface RefusedDemoChat { chatId: string, name: string, note: string, errcode: number, errmsg: string }

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜谢邹喻柏水窦章云苏潘葛奚范彭郎'
/** 46 people nobody in the sandbox follows; every fifth has a long group nickname. */
const crowd = Array.from({ length: 46 }, (_, i) => ({
  id: `wmDemoCrowd${String(i + 1).padStart(2, '0')}`,
  name: i % 5 === 0 ? `${SURNAMES[i]}经理-华东区域渠道合作伙伴发展部高级客户成功经理（上海）` : `${SURNAMES[i]}${'晓明丽华伟芳'[i % 6]}`,
}))

/**
 * 张伟 (zhangwei) follows 陈静, 刘洋, 周敏 and 吴婷. The groups give each outcome of the group entry: several of his
 * customers, exactly one, none, a group he is not in, and one with 50 external members.
 */
export const DEMO_GROUPS: readonly DemoGroup[] = [
  { chatId: 'wrDemoGroupMany01', name: '云帆·启明 联合采购沟通群', owner: 'zhangwei', note: '有多位你的客户', staff: ['zhangwei', 'lina'], external: ['wmDemoChenJing01', 'wmDemoLiuYang02', 'wmDemoWuTing05', 'wmDemoSunHao04'] },
  { chatId: 'wrDemoGroupOne02', name: '云帆科技 项目对接群', owner: 'lina', note: '只有一位你的客户', staff: ['lina', 'zhangwei'], external: ['wmDemoChenJing01', { id: 'wmDemoStranger01', name: '陈静的助理 小王' }] },
  { chatId: 'wrDemoGroupNone03', name: '蜀味餐饮 门店运营群', owner: 'lina', note: '没有你的客户', staff: ['lina', 'zhangwei', 'wangqiang'], external: ['wmDemoSunHao04', 'wmDemoZhengKai06'] },
  { chatId: 'wrDemoGroupOthers04', name: '长江物流 调度系统交流群', owner: 'wangqiang', note: '你不在这个群里', staff: ['wangqiang'], external: ['wmDemoZhengKai06'] },
  { chatId: 'wrDemoGroupBig05', name: '华东区客户交流群（2026 年度产品发布会 · 渠道伙伴与重点客户）', owner: 'zhangwei', note: '50 位外部成员', staff: ['zhangwei', 'lina', 'wangqiang'], external: ['wmDemoChenJing01', 'wmDemoLiuYang02', 'wmDemoZhouMin03', 'wmDemoWuTing05', ...crowd] },
]

export const REFUSED_DEMO_CHATS: readonly RefusedDemoChat[] = [
  { chatId: 'wrDemoInternal06', name: '销售部内部群', note: '内部群（不是客户群）', errcode: 90501, errmsg: 'chat is not external group chat' },
  { chatId: 'wrDemoDismissed07', name: '已解散的客户群', note: '已解散', errcode: 40050, errmsg: 'chatid not found' },
  { chatId: 'wrDemoNoAccess08', name: '无权限的客户群', note: '应用无权读取', errcode: 48002, errmsg: 'api forbidden' },
]
