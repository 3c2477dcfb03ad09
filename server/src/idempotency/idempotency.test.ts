import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashBody } from './idempotency'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

describe('hashBody', () => {
  it.each([
    ['keys sorted at every depth', { b: 2, a: [3, { d: null, c: 'x' }] }, '{"a":[3,{"c":"x","d":null}],"b":2}'],
    ['undefined fields left out', { a: 1, skipped: undefined }, '{"a":1}'],
    ['strings escaped as JSON does', { text: '引号" 反斜杠\\ 换行\n \u2028 \uD800' }, JSON.stringify({ text: '引号" 反斜杠\\ 换行\n \u2028 \uD800' })],
    ['keys in code-unit order', { é: 1, e: 2, Z: 3, 10: 4, 9: 5 }, '{"10":4,"9":5,"Z":3,"e":2,"é":1}'],
  ])('hashes the canonical JSON text (%s), the form records already in the store were written with', (_name, body, canonical) => {
    expect(hashBody(body)).toBe(sha256(canonical))
  })

  it('gives the same fields in another order the same hash, and another value another hash', () => {
    expect(hashBody({ a: 1, b: { c: [1, 2] } })).toBe(hashBody({ b: { c: [1, 2] }, a: 1 }))
    expect(hashBody({ a: 1, b: { c: [2, 1] } })).not.toBe(hashBody({ a: 1, b: { c: [1, 2] } }))
  })
})
