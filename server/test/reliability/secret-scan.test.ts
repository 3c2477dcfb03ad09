import { describe, expect, it } from 'vitest'
import { CONFIGURED_SECRETS, findSecrets, SECRET_NAMES } from './secret-scan'

describe('the secret scanner the leak tests rely on', () => {
  it.each([
    ['a configured secret value', `{"msg":"gettoken","corpsecret":"${CONFIGURED_SECRETS[0]}"}`, CONFIGURED_SECRETS[0]],
    ['a secret setting name', 'const key = import.meta.env.PULAN_APP_SECRET', 'PULAN_APP_SECRET'],
    ['a parameter name in another case', 'params: { corpSecret: x }', 'corpsecret'],
  ])('finds %s', (_name, text, secret) => {
    expect(findSecrets(text, CONFIGURED_SECRETS, SECRET_NAMES)).toContain(secret)
  })

  it('finds nothing in text without secrets, and ignores values too short to be secrets', () => {
    expect(findSecrets('{"msg":"request completed","url":"/api/me"}', [...CONFIGURED_SECRETS, 'abc'], SECRET_NAMES)).toEqual([])
  })
})
