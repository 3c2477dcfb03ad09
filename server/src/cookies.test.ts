import { createHmac } from 'node:crypto'
import cookieParser from 'cookie-parser'
import express from 'express'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { rememberedCookies } from './cookies'

const SECRET = 'a-session-secret-long-enough-for-the-test'
/** How cookie-parser's signed cookies look (cookie-signature): the value, a dot and its HMAC-SHA256 in base64. */
const signed = (value: string, secret = SECRET) => `s:${value}.${createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '')}`

function echoApp(parser: express.RequestHandler) {
  const app = express()
  app.use(parser)
  app.get('/', (req, res) => {
    const seen = { cookies: { ...req.cookies }, signedCookies: { ...req.signedCookies } }
    req.cookies.planted = 'by an earlier request'
    req.signedCookies.fu_session = 'planted'
    res.json(seen)
  })
  return app
}

const HEADERS = [
  ['a signed session and a plain cookie', `fu_session=${encodeURIComponent(signed('eyJ3ZWNvbSI6InpoYW5nd2VpIn0'))}; fu_signin=abc`],
  ['a session signed with another secret', `fu_session=${encodeURIComponent(signed('eyJ3ZWNvbSI6InpoYW5nd2VpIn0', 'another-secret'))}`],
  ['a session whose value was changed after signing', `fu_session=${encodeURIComponent(signed('eyJ3ZWNvbSI6InpoYW5nd2VpIn0').replace('eyJ3', 'eyJ4'))}`],
  ['no signature at all', 'fu_session=eyJ3ZWNvbSI6InpoYW5nd2VpIn0'],
] as const

describe('rememberedCookies', () => {
  it.each(HEADERS)('reads %s exactly as cookie-parser does, the first time and every time after', async (_name, cookie) => {
    const expected = (await request(echoApp(cookieParser(SECRET))).get('/').set('cookie', cookie)).body
    const app = echoApp(rememberedCookies(SECRET))
    for (let i = 0; i < 3; i++)
      expect((await request(app).get('/').set('cookie', cookie)).body).toEqual(expected)
  })

  it('gives each request that comes with a remembered header copies that inherit nothing', async () => {
    const app = express()
    app.use(rememberedCookies(SECRET))
    app.get('/', (req, res) => {
      res.json([req.cookies, req.signedCookies].map(jar => ['constructor', 'toString', '__proto__', 'hasOwnProperty'].filter(key => key in jar)))
    })
    const cookie = `fu_session=${encodeURIComponent(signed('abc'))}; fu_signin=abc`
    await request(app).get('/').set('cookie', cookie)
    for (let i = 0; i < 2; i++)
      expect((await request(app).get('/').set('cookie', cookie)).body).toEqual([[], []])
  })

  it('gives a request without cookies empty ones', async () => {
    expect((await request(echoApp(rememberedCookies(SECRET))).get('/')).body).toEqual({ cookies: {}, signedCookies: {} })
  })

  it('forgets the oldest header beyond its bound and still reads it right when it comes back', async () => {
    const app = echoApp(rememberedCookies(SECRET, 2))
    const session = (n: number) => `fu_session=${encodeURIComponent(signed(`user-${n}`))}`
    for (const n of [1, 2, 3, 1])
      expect((await request(app).get('/').set('cookie', session(n))).body.signedCookies).toEqual({ fu_session: `user-${n}` })
  })
})
