import type { JssdkSignature } from '@app/shared'
import { createHash, randomBytes } from 'node:crypto'

/** WeCom JS-SDK signature: sha1 of the four fields in this exact order, url without its fragment. */
export function signJsapi(ticket: string, url: string, nonceStr: string, timestamp: number): string {
  const text = `jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${url.split('#')[0]}`
  return createHash('sha1').update(text).digest('hex')
}

export function freshSignature(ticket: string, url: string): JssdkSignature {
  const nonceStr = randomBytes(12).toString('base64url')
  const timestamp = Math.floor(Date.now() / 1000)
  return { timestamp, nonceStr, signature: signJsapi(ticket, url, nonceStr, timestamp) }
}
