import type { JssdkConfigResponse } from '@app/shared'
import type { AppDeps } from '../../deps'
import { freshSignature } from './signature'

/** Both JS-SDK signatures for one page URL (without its fragment), from the cached tickets. */
export async function signPage({ config, wecom }: Pick<AppDeps, 'config' | 'wecom'>, pageUrl: string): Promise<JssdkConfigResponse> {
  const url = pageUrl.split('#')[0]!
  const [jsapiTicket, agentTicket] = await Promise.all([wecom.getJsapiTicket(), wecom.getAgentTicket()])
  return {
    corpId: config.wecom.corpId,
    agentId: config.wecom.agentId,
    config: freshSignature(jsapiTicket, url),
    agentConfig: freshSignature(agentTicket, url),
  }
}
