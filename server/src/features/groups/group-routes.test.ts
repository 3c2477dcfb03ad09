import type { TestServer } from '../../../test/support/harness'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer } from '../../../test/support/harness'
import { fullSubmission, newKey } from '../../../test/support/submission'
import { createMemoryStore } from '../../store/memory-store'

let server: TestServer
let cookie: string
beforeAll(async () => {
  server = await startTestServer()
  cookie = await server.login('zhangwei')
})
afterAll(() => server.close())
beforeEach(async () => {
  server.sandbox.records.clear()
  // Each test starts with nothing cached: the group and follow caches live in the shared store.
  for (const key of ['wrDemoGroupMany01', 'wrDemoGroupOne02', 'wrDemoGroupNone03', 'wrDemoGroupOthers04', 'wrDemoGroupBig05'])
    await server.deps.store.delete(`group:${key}`)
  for (const who of ['zhangwei', 'lina', 'wangqiang'])
    await server.deps.store.delete(`followed:${who}`)
})

const group = (chatId: string, as = cookie) => server.api(`/api/groups/${chatId}`, { cookie: as })
const counts = () => server.sandbox.records.counts()

describe('gET /api/groups/:chatId', () => {
  it('answers the group and each external member with whether this salesperson follows them, theirs first', async () => {
    const response = await group('wrDemoGroupMany01')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toContain('no-store')
    expect(response.body).toEqual({
      chatId: 'wrDemoGroupMany01',
      name: '云帆·启明 联合采购沟通群',
      members: [
        { externalUserId: 'wmDemoChenJing01', name: '陈静', followed: true },
        { externalUserId: 'wmDemoLiuYang02', name: '刘洋', followed: true },
        { externalUserId: 'wmDemoWuTing05', name: '吴婷', followed: true },
        { externalUserId: 'wmDemoSunHao04', name: '孙浩', followed: false },
      ],
    })
  })

  it('answers per salesperson: the same group looks different to 李娜', async () => {
    const lina = await server.login('lina')
    const response = await group('wrDemoGroupMany01', lina)
    expect(response.status).toBe(200)
    expect(response.body.members.filter((m: { followed: boolean }) => m.followed).map((m: { name: string }) => m.name)).toEqual(['吴婷', '孙浩'])
  })

  it.each([
    ['exactly one of his customers', 'wrDemoGroupOne02', ['陈静'], 2],
    ['none of his customers', 'wrDemoGroupNone03', [], 2],
  ])('answers a group with %s', async (_name, chatId, followed, memberCount) => {
    const response = await group(chatId)
    expect(response.status).toBe(200)
    expect(response.body.members).toHaveLength(memberCount)
    expect(response.body.members.filter((m: { followed: boolean }) => m.followed).map((m: { name: string }) => m.name)).toEqual(followed)
  })

  it('refuses a group the salesperson is neither owner nor member of, after reading it fresh once', async () => {
    await group('wrDemoGroupOthers04')
    const before = counts()['wecom.groupchat']
    const response = await group('wrDemoGroupOthers04')
    expect(response.status).toBe(403)
    expect(response.body.error).toMatchObject({ code: 'NOT_GROUP_MEMBER', message: expect.stringMatching(/只有群主和群成员/) })
    // The cached copy said "not a member": it is read once more from WeCom before refusing.
    expect(counts()['wecom.groupchat'] - before).toBe(1)
    expect(counts()['wecom.followedList']).toBe(0)
  })

  it('lets the owner in even when not listed among the members', async () => {
    const wangqiang = await server.login('wangqiang')
    expect((await group('wrDemoGroupOthers04', wangqiang)).body.members).toEqual([{ externalUserId: 'wmDemoZhengKai06', name: '郑凯', followed: true }])
  })

  it('answers 50 external members with two upstream reads, and none while cached', async () => {
    const response = await group('wrDemoGroupBig05')
    expect(response.status).toBe(200)
    expect(response.body.members).toHaveLength(50)
    expect(response.body.members.slice(0, 4).map((m: { name: string }) => m.name)).toEqual(['陈静', '刘洋', '周敏', '吴婷'])
    expect(response.body.members.slice(4).every((m: { followed: boolean }) => !m.followed)).toBe(true)
    expect(counts()).toMatchObject({ 'wecom.groupchat': 1, 'wecom.followedList': 1, 'wecom.externalcontact': 0 })

    for (let open = 0; open < 3; open++)
      expect((await group('wrDemoGroupBig05')).status).toBe(200)
    expect(counts()).toMatchObject({ 'wecom.groupchat': 1, 'wecom.followedList': 1, 'wecom.externalcontact': 0 })
  })

  it('asks WeCom for the group with need_name, by POST', async () => {
    await group('wrDemoGroupOne02')
    const asked = server.sandbox.records.requests.find(r => r.endpoint === 'wecom.groupchat')
    expect(asked).toMatchObject({ method: 'POST', status: 200, code: 0 })
  })

  it.each([
    ['an internal (not customer) group', 'wrDemoInternal06', 422, 'NOT_CUSTOMER_GROUP', /不是客户群/],
    ['a dismissed group', 'wrDemoDismissed07', 410, 'GROUP_DISMISSED', /已解散/],
    ['an unknown group', 'wrNoSuchGroup', 410, 'GROUP_DISMISSED', /已解散或不存在/],
    ['a group the app may not read', 'wrDemoNoAccess08', 403, 'GROUP_NO_PERMISSION', /管理员/],
    ['a malformed group id', 'bad%20id%3C', 400, 'VALIDATION_FAILED', /格式不对/],
  ])('refuses %s with a stable code and a Chinese message', async (_name, chatId, status, code, message) => {
    const response = await group(chatId)
    expect(response.status).toBe(status)
    expect(response.body.error.code).toBe(code)
    expect(response.body.error.message).toMatch(message)
  })

  it('needs a session', async () => {
    expect((await group('wrDemoGroupMany01', '')).status).toBe(401)
  })
})

describe('a customer chosen in a group', () => {
  it('is checked like any other: another salesperson\'s customer in the same group is refused', async () => {
    const members = (await group('wrDemoGroupMany01')).body.members as { externalUserId: string, followed: boolean }[]
    const notHis = members.find(m => !m.followed)!
    const context = await server.api(`/api/customers/${notHis.externalUserId}/context`, { cookie })
    expect(context.status).toBe(403)
    expect(context.body.error.code).toBe('NOT_YOUR_CUSTOMER')
  })

  it('cannot be submitted for when the salesperson does not follow them, whatever the page sent', async () => {
    const file = { fileId: 1, fileName: 'a.png', fileUrl: 'http://127.0.0.1/a.png', fileSize: 1 }
    const submission = fullSubmission(file, { externalUserId: 'wmDemoSunHao04', businessId: 1004, stageId: 12 })
    const response = await server.api('/api/follow-ups', { body: submission, cookie, headers: { 'Idempotency-Key': newKey() } })
    expect(response.status).toBe(403)
    expect(response.body.error.code).toBe('NOT_YOUR_CUSTOMER')
    expect(server.sandbox.records.addFollows).toHaveLength(0)
  })
})

describe('the group cache', () => {
  it('lives in the shared store: a second instance answers the same group without asking WeCom again', async () => {
    const store = createMemoryStore()
    const first = await startTestServer({ store })
    const second = await startTestServer({ store })
    try {
      const open = async (instance: TestServer) => instance.api('/api/groups/wrDemoGroupBig05', { cookie: await instance.login('zhangwei') })
      expect((await open(first)).body.members).toHaveLength(50)
      const answer = await open(second)
      expect(answer.status).toBe(200)
      expect(answer.body.members.filter((m: { followed: boolean }) => m.followed)).toHaveLength(4)
      expect(second.sandbox.records.counts()).toMatchObject({ 'wecom.groupchat': 0, 'wecom.followedList': 0 })
    }
    finally {
      await Promise.all([first.close(), second.close()])
    }
  })
})
