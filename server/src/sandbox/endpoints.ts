export const WECOM_ENDPOINTS = ['wecom.gettoken', 'wecom.jsapiTicket', 'wecom.agentTicket', 'wecom.getuserinfo', 'wecom.externalcontact', 'wecom.groupchat', 'wecom.followedList'] as const
export const PULAN_ENDPOINTS = ['pulan.token', 'pulan.user', 'pulan.customer', 'pulan.opportunities', 'pulan.upload', 'pulan.addFollow', 'pulan.createBusiness'] as const
export const ENDPOINT_NAMES = [...WECOM_ENDPOINTS, ...PULAN_ENDPOINTS] as const
export type EndpointName = typeof ENDPOINT_NAMES[number]

export const isWecomEndpoint = (name: EndpointName) => name.startsWith('wecom.')
