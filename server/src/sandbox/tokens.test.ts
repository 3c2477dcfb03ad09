import { describe, expect, it } from 'vitest'
import { OAuthCodes, TokenIssuer } from './tokens'

describe('tokenIssuer', () => {
  it.each<[string, (issuer: TokenIssuer, value: string) => void, string]>([
    ['valid until it expires', () => {}, 'valid'],
    ['expired after expireAll', issuer => issuer.expireAll(), 'expired'],
    ['unknown after clear', issuer => issuer.clear(), 'unknown'],
  ])('reports a token %s', (_name, act, expected) => {
    const issuer = new TokenIssuer(60)
    const { value } = issuer.issue('pulan.accessToken')
    act(issuer, value)
    expect(issuer.check('pulan.accessToken', value)).toBe(expected)
  })

  it('does not accept a token of one kind as another', () => {
    const issuer = new TokenIssuer(60)
    const ticket = issuer.issue('wecom.jsapiTicket').value
    expect(issuer.check('wecom.accessToken', ticket)).toBe('unknown')
  })
})

describe('oAuthCodes', () => {
  it('redeems a code once', () => {
    const codes = new OAuthCodes()
    const code = codes.issue('zhangwei')
    expect(codes.redeem(code)).toBe('zhangwei')
    expect(codes.redeem(code)).toBeNull()
  })

  it('refuses a code past its lifetime', () => {
    const codes = new OAuthCodes()
    const code = codes.issue('zhangwei', -1)
    expect(codes.redeem(code)).toBeNull()
  })
})
