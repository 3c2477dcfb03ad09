import { describe, expect, it } from 'vitest'
import { trustProxySetting } from './app'

describe('trustProxySetting', () => {
  it.each([
    ['1', 1],
    ['2', 2],
    ['true', true],
    ['false', false],
    ['loopback', 'loopback'],
    ['10.0.0.0/8, 127.0.0.1', '10.0.0.0/8, 127.0.0.1'],
  ])('reads TRUST_PROXY=%s as Express wants it', (value, expected) => {
    expect(trustProxySetting(value)).toBe(expected)
  })
})
