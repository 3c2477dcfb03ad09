import type { Opportunity, Stage } from '@app/shared'

/** A salesperson: the same person in WeCom (userid) and in 谱蓝云 (userId). */
export interface DemoSalesperson { wecomUserId: string, pulanUserId: number, name: string }

export interface DemoCustomer {
  externalUserId: string
  customerId: number
  name: string
  corpName: string
  /** 1 = 微信用户, 2 = 企业微信用户 (WeCom's external_contact.type) */
  type: 1 | 2
  /** 0 unknown, 1 male, 2 female (WeCom's gender) */
  gender: 0 | 1 | 2
  followers: { wecomUserId: string, remark: string, createdAt: string }[]
}

export interface DemoOpportunity extends Opportunity { customerId: number }

/** The people listed on the sandbox OAuth page. */
export const DEMO_SALESPEOPLE: readonly DemoSalesperson[] = [
  { wecomUserId: 'zhangwei', pulanUserId: 101, name: '张伟' },
  { wecomUserId: 'lina', pulanUserId: 102, name: '李娜' },
  { wecomUserId: 'wangqiang', pulanUserId: 103, name: '王强' },
]

/** 谱蓝云 users: the salespeople plus user 10, who exists so the seed page's own example body is accepted. */
export const DEMO_PULAN_USERS: readonly DemoSalesperson[] = [
  ...DEMO_SALESPEOPLE,
  { wecomUserId: 'seed-example', pulanUserId: 10, name: '示例用户' },
]

/** The standard sales ladder; stage 10 is the one the seed example uses. */
export const SALES_STAGES: readonly Stage[] = [
  { stageId: 10, stageName: '初步接洽' },
  { stageId: 11, stageName: '需求确认' },
  { stageId: 12, stageName: '方案报价' },
  { stageId: 13, stageName: '商务谈判' },
  { stageId: 14, stageName: '赢单', closed: 'won' },
  { stageId: 15, stageName: '输单', closed: 'lost' },
]

export const RENEWAL_STAGES: readonly Stage[] = [
  { stageId: 21, stageName: '续约沟通' },
  { stageId: 22, stageName: '合同续签' },
  { stageId: 23, stageName: '完成续约', closed: 'won' },
]

/** Stages that close an opportunity: following up into them changes its status. */
export const CLOSING_STAGES: Readonly<Record<number, 'won' | 'lost'>> = { 14: 'won', 15: 'lost', 23: 'won' }

/** The stage ladder each sales process (流程) of the demo business lines follows. */
export const PROCESS_STAGES: Readonly<Record<number, readonly Stage[]>> = { 11: SALES_STAGES, 21: SALES_STAGES, 22: RENEWAL_STAGES }

const follow = (wecomUserId: string, remark: string, createdAt: string) => ({ wecomUserId, remark, createdAt })

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  { externalUserId: 'wmDemoChenJing01', customerId: 2001, name: '陈静', corpName: '杭州云帆科技有限公司', type: 1, gender: 2, followers: [follow('zhangwei', '陈总-云帆', '2026-03-02T10:20:00+08:00')] },
  { externalUserId: 'wmDemoLiuYang02', customerId: 2002, name: '刘洋', corpName: '上海启明教育集团', type: 2, gender: 1, followers: [follow('zhangwei', '刘校长', '2025-11-18T15:00:00+08:00')] },
  { externalUserId: 'wmDemoZhouMin03', customerId: 2003, name: '周敏', corpName: '深圳小鹿智能家居有限公司', type: 1, gender: 2, followers: [follow('zhangwei', '', '2026-10-30T09:12:00+08:00')] },
  { externalUserId: 'wmDemoSunHao04', customerId: 2004, name: '孙浩', corpName: '成都蜀味餐饮管理有限公司', type: 1, gender: 1, followers: [follow('lina', '孙经理', '2026-01-08T11:00:00+08:00')] },
  { externalUserId: 'wmDemoWuTing05', customerId: 2005, name: '吴婷', corpName: '南京青禾医疗器械有限公司', type: 2, gender: 2, followers: [follow('lina', '吴主任', '2025-09-01T14:30:00+08:00'), follow('zhangwei', '吴主任（李娜的客户）', '2026-06-12T16:45:00+08:00')] },
  { externalUserId: 'wmDemoZhengKai06', customerId: 2006, name: '郑凯', corpName: '武汉长江物流有限公司', type: 1, gender: 1, followers: [follow('wangqiang', '郑总', '2026-02-20T10:00:00+08:00')] },
]

function opportunity(customerId: number, businessId: number, businessName: string, ladder: readonly Stage[], stageId: number, status: Opportunity['status'], lastFollowTime?: string): DemoOpportunity {
  const stage = ladder.find(s => s.stageId === stageId)
  if (!stage)
    throw new Error(`demo data: stage ${stageId} is not on the ladder of business ${businessId}`)
  return { customerId, businessId, businessName, stageId, stageName: stage.stageName, stages: [...ladder], status, ...(lastFollowTime ? { lastFollowTime } : {}) }
}

/**
 * 陈静: exactly one open opportunity. 刘洋: several, 年度续约 followed most recently (business 10 is the seed's).
 * 周敏: none. 吴婷 is followed by both 张伟 and 李娜.
 */
export const DEMO_OPPORTUNITIES: readonly DemoOpportunity[] = [
  opportunity(2001, 1001, '云帆科技 SCRM 系统采购', SALES_STAGES, 11, 'open', '2026-11-18T10:30:00+08:00'),
  opportunity(2002, 10, '启明教育 校区管理系统', SALES_STAGES, 10, 'open', '2026-11-05T09:00:00+08:00'),
  opportunity(2002, 1002, '启明教育 年度服务续约', RENEWAL_STAGES, 21, 'open', '2026-11-20T16:20:00+08:00'),
  opportunity(2002, 1003, '启明教育 教师培训服务', SALES_STAGES, 14, 'won', '2026-09-28T14:00:00+08:00'),
  opportunity(2004, 1004, '蜀味餐饮 门店会员系统', SALES_STAGES, 12, 'open', '2026-11-12T11:15:00+08:00'),
  opportunity(2004, 1005, '蜀味餐饮 外卖小程序', SALES_STAGES, 15, 'lost', '2026-07-03T17:40:00+08:00'),
  opportunity(2005, 1006, '青禾医疗 经销商管理平台', SALES_STAGES, 13, 'open', '2026-11-21T10:00:00+08:00'),
  opportunity(2005, 1007, '青禾医疗 售后工单系统', SALES_STAGES, 10, 'open'),
  opportunity(2006, 1008, '长江物流 车队调度系统', SALES_STAGES, 11, 'open', '2026-11-15T08:45:00+08:00'),
]

export const SANDBOX_CREDENTIALS = {
  corpId: 'wwsandbox00000001',
  agentId: 1000002,
  corpSecret: 'sandbox-corp-secret-not-real',
  appKey: 'sandbox-app-key',
  appSecret: 'sandbox-app-secret-not-real',
} as const

/** Where the sandbox serves a customer's avatar (avatars.ts), on both upstreams' ports. */
export const avatarPath = (externalUserId: string) => `/avatars/${externalUserId}.jpg`
