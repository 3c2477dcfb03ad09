import type { TestServer } from '../../../test/support/harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../../../test/support/harness'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const report = (body: unknown, cookie: string) => server.api('/api/client-reports', { method: 'POST', body, cookie })
const valid = { api: 'agentConfig', keyword: 'invalid signature', entry: 'single_chat_tools', clientVersion: '4.1.28', platform: 'windows' }

describe('pOST /api/client-reports', () => {
  it('logs a page\'s SDK failure as one line an operator can count, without who sent it', async () => {
    const cookie = await server.login('lina')
    const answer = await report(valid, cookie)
    expect(answer.status).toBe(204)
    const lines = server.logLines.filter(line => line.includes('"msg":"client report"'))
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!).clientReport).toEqual(valid)
    expect(lines[0]).not.toMatch(/lina|李娜|102/)
  })

  it.each([
    ['a free-text keyword', { ...valid, keyword: '陈静的电话 13800000000' }],
    ['a URL as the api', { ...valid, api: 'https://x.example/' }],
    ['an unknown platform', { ...valid, platform: 'linux' }],
    ['an extra field', { ...valid, externalUserId: 'wmDemoChenJing01' }],
    ['a malformed version', { ...valid, clientVersion: '4.1; drop' }],
    ['nothing', {}],
  ])('refuses %s with VALIDATION_FAILED and a Chinese message', async (_name, body) => {
    const answer = await report(body, await server.login('wangqiang'))
    expect(answer.status).toBe(400)
    expect(answer.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: '报告格式不对' })
  })

  it('takes at most 20 reports per salesperson in ten minutes', async () => {
    const cookie = await server.login('zhangwei')
    const answers = []
    for (let i = 0; i < 22; i++)
      answers.push((await report({ ...valid, api: 'getLocation', keyword: 'timeout' }, cookie)).status)
    expect(answers.filter(status => status === 204)).toHaveLength(20)
    expect(answers.slice(20)).toEqual([429, 429])
  })

  it('needs a session', async () => {
    expect((await report(valid, '')).status).toBe(401)
  })
})
