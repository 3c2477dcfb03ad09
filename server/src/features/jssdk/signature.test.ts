import { describe, expect, it } from 'vitest'
import { signJsapi } from './signature'

describe('signJsapi', () => {
  // The example published in WeCom's JS-SDK signature documentation.
  const ticket = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg'
  const nonceStr = 'Wm3WZYTPz0wzccnW'
  const timestamp = 1414587457
  const url = 'http://mp.weixin.qq.com?params=value'

  it('matches the published example signature', () => {
    expect(signJsapi(ticket, url, nonceStr, timestamp)).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed')
  })

  it('ignores the #fragment of the page url', () => {
    expect(signJsapi(ticket, `${url}#/form?x=1`, nonceStr, timestamp)).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed')
  })

  it('changes when any signed field changes', () => {
    const base = signJsapi(ticket, url, nonceStr, timestamp)
    expect(signJsapi(`${ticket}x`, url, nonceStr, timestamp)).not.toBe(base)
    expect(signJsapi(ticket, `${url}&a=1`, nonceStr, timestamp)).not.toBe(base)
    expect(signJsapi(ticket, url, `${nonceStr}x`, timestamp)).not.toBe(base)
    expect(signJsapi(ticket, url, nonceStr, timestamp + 1)).not.toBe(base)
  })
})
