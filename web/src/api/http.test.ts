import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { errorReply, installFakeServer } from '../testing/fakeServer'
import { getCustomerContext, postFollowUp, uploadFile } from './endpoints'
import { ApiError, auth, request, transport } from './http'

describe('api client', () => {
  let server: ReturnType<typeof installFakeServer>
  beforeEach(() => {
    server = installFakeServer()
  })
  afterEach(() => server.restore())

  it.each([
    [errorReply(403, 'NOT_YOUR_CUSTOMER', '这不是你的客户'), 403, 'NOT_YOUR_CUSTOMER', '这不是你的客户'],
    [errorReply(404, 'CUSTOMER_NOT_FOUND', '找不到客户'), 404, 'CUSTOMER_NOT_FOUND', '找不到客户'],
    ['network-error' as const, 0, 'NETWORK', '网络连接失败，请检查网络后重试'],
    [{ status: 502, body: '<html>bad gateway</html>' }, 502, 'UPSTREAM_UNAVAILABLE', '服务暂时不可用（502），请稍后再试'],
  ])('turns a failed call into a typed ApiError (%#)', async (reply, status, code, message) => {
    server.on('GET', /\/context$/, () => reply)
    const error = await getCustomerContext('wm1').catch(e => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status, code, message })
  })

  it('hands over a 200 at once and rejects its schema check when the body does not match the shared schema', async () => {
    server.on('GET', /\/context$/, () => ({ status: 200, body: { customer: {} } }))
    const answer = await getCustomerContext('wm1')
    expect(answer.context).toEqual({ customer: {} })
    await expect(answer.check()).rejects.toMatchObject({ code: 'BAD_RESPONSE' })
  })

  it('rejects a 200 whose body is not JSON', async () => {
    server.on('GET', /\/context$/, () => ({ status: 200, body: '<html>portal login</html>' }))
    await expect(getCustomerContext('wm1')).rejects.toMatchObject({ code: 'BAD_RESPONSE' })
  })

  it('keeps field errors of a 400', async () => {
    server.on('POST', '/api/follow-ups', () => errorReply(400, 'VALIDATION_FAILED', '请检查', { actualEndTime: ['太早'] }))
    const error = await postFollowUp({} as never, 'k').catch(e => e)
    expect(error.fieldErrors).toEqual({ actualEndTime: ['太早'] })
  })

  it('sends the idempotency key as a header', async () => {
    server.on('POST', '/api/follow-ups', () => errorReply(409, 'IDEMPOTENCY_IN_FLIGHT', '处理中'))
    await postFollowUp({} as never, 'key-1').catch(() => {})
    expect(server.requests[0]?.headers['idempotency-key']).toBe('key-1')
  })

  it('sends the person to login on a 401', async () => {
    const spy = vi.spyOn(auth, 'onUnauthenticated').mockImplementation(() => {})
    server.on('GET', /\/context$/, () => errorReply(401, 'UNAUTHENTICATED', '请先登录'))
    await expect(getCustomerContext('wm1')).rejects.toMatchObject({ status: 401 })
    expect(spy).toHaveBeenCalledOnce()
    spy.mockRestore()
  })

  it('gives up a call that outlasts its limit as a network timeout, in Chinese', async () => {
    server.on('GET', '/api/slow', () => new Promise<never>(() => {}))
    const started = Date.now()
    await expect(request('/api/slow', { timeout: 60 })).rejects.toMatchObject({ status: 0, code: 'NETWORK', message: '网络超时，请检查网络后重试' })
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('sends JSON with its content type, and a 2xx with an empty body resolves to null', async () => {
    server.on('POST', '/api/echo', () => ({ status: 200, body: '' }))
    await expect(request('/api/echo', { method: 'post', json: { a: 1 } })).resolves.toBeNull()
    expect(server.requests[0]).toMatchObject({ method: 'POST', body: { a: 1 } })
    expect(server.requests[0]!.headers['content-type']).toContain('application/json')
  })

  it('uploads through the transport that reports progress, and reports it in percent', async () => {
    const sent = vi.spyOn(transport, 'sendWithProgress')
    const fetched = vi.spyOn(transport, 'fetch')
    server.on('POST', '/api/files', () => ({ status: 200, body: { fileId: 41, fileName: 'a.png', fileUrl: 'https://files.example/a.png', fileSize: 3 } }))
    const percents: number[] = []
    const uploaded = await uploadFile(new Blob(['abc'], { type: 'image/png' }), 'a.png', percent => percents.push(percent))
    expect(uploaded).toMatchObject({ fileId: 41 })
    expect(sent).toHaveBeenCalledOnce()
    expect(fetched).not.toHaveBeenCalled()
    expect(percents).toEqual([100])
    const body = server.requests[0]!.body as FormData
    expect(await (body.get('file') as Blob).text()).toBe('abc')
  })

  it('sends every other call through fetch, with same-origin credentials', async () => {
    const fetched = vi.spyOn(transport, 'fetch')
    server.on('GET', /\/context$/, () => ({ status: 200, body: { customer: {} } }))
    await getCustomerContext('wm1')
    expect(fetched).toHaveBeenCalledOnce()
    expect(fetched.mock.calls[0]![0].credentials).toBe('same-origin')
  })
})
