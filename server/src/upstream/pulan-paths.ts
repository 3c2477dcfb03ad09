/**
 * Every 谱蓝云 path the app calls, in one place. Only add-follow and create-business are documented (the seed page); the others are the
 * assumed shapes of upstream-contract.md 1.2 and each can be overridden by configuration (PULAN_PATH_*).
 */
export interface PulanPaths {
  token: string
  user: string
  customer: string
  opportunities: string
  upload: string
  addFollow: string
  createBusiness: string
}

export const DEFAULT_PULAN_PATHS: PulanPaths = {
  token: '/open-api/auth/access-token',
  user: '/open-api/org/user/by-wecom-userid',
  customer: '/open-api/customer/info',
  opportunities: '/open-api/customer/biz-submit/list',
  upload: '/open-api/file/upload',
  addFollow: '/open-api/customer/biz-submit/add-follow',
  createBusiness: '/open-api/customer/biz-submit/create-business',
}
