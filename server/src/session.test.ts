import type { Request } from 'express'
import { describe, expect, it, vi } from 'vitest'
import { readSession, SESSION_COOKIE } from './session'

const cookieOf = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url')
const ZHANG = { wecomUserId: 'zhangwei', pulanUserId: 101, name: '张伟' }
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600
const requestWith = (value: unknown) => ({ signedCookies: { [SESSION_COOKIE]: value } }) as unknown as Request

describe('readSession', () => {
  it.each([
    ['an unexpired session', cookieOf({ ...ZHANG, exp: inAnHour() }), ZHANG],
    ['an expired session', cookieOf({ ...ZHANG, exp: Math.floor(Date.now() / 1000) - 1 }), null],
    ['a session without a 谱蓝云 user', cookieOf({ wecomUserId: 'zhangwei', name: '张伟', exp: inAnHour() }), null],
    ['a cookie that is not JSON', Buffer.from('{not json').toString('base64url'), null],
    ['a cookie whose signature failed (cookie-parser gives false)', false, null],
    ['no cookie', undefined, null],
  ])('reads %s', (_name, value, expected) => {
    expect(readSession(requestWith(value))).toEqual(expected)
  })

  it('checks the expiry of a cookie it has read before every time', () => {
    vi.useFakeTimers({ now: Date.now() })
    try {
      const exp = Math.floor(Date.now() / 1000) + 1
      const value = cookieOf({ ...ZHANG, exp })
      expect(readSession(requestWith(value))).toEqual(ZHANG)
      expect(readSession(requestWith(value))).toEqual(ZHANG)
      vi.setSystemTime(exp * 1000 + 1)
      expect(readSession(requestWith(value))).toBeNull()
    }
    finally {
      vi.useRealTimers()
    }
  })

  it('gives each caller its own copy of the salesperson', () => {
    const value = cookieOf({ ...ZHANG, exp: inAnHour() })
    const first = readSession(requestWith(value))!
    first.name = '改过'
    expect(readSession(requestWith(value))).toEqual(ZHANG)
  })
})
