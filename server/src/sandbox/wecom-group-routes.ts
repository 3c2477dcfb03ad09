import type { SandboxState } from './state'
import express, { Router } from 'express'
import { endpoint } from './endpoint-middleware'
import { tokenIsValid } from './wecom-routes'

const OK = { errcode: 0, errmsg: 'ok' }
const JOINED_AT = 1_767_225_600

/** The WeCom customer-group stand-ins: groupchat/get (POST, JSON body) and externalcontact/list. */
export function wecomGroupRoutes(state: SandboxState): Router {
  const router = Router()
  const customerName = (id: string) => state.customers.find(c => c.externalUserId === id)?.name ?? id

  router.post('/cgi-bin/externalcontact/groupchat/get', endpoint('wecom.groupchat', state), express.json(), (req, res) => {
    if (!tokenIsValid(state, req, res))
      return
    const chatId: unknown = req.body?.chat_id
    if (typeof chatId !== 'string' || !chatId)
      return res.json({ errcode: 40058, errmsg: 'chat_id missing' })
    const refused = state.refusedChats.find(c => c.chatId === chatId)
    if (refused)
      return res.json({ errcode: refused.errcode, errmsg: refused.errmsg })
    const group = state.groups.find(g => g.chatId === chatId)
    if (!group)
      return res.json({ errcode: 40050, errmsg: 'chatid not found' })
    const withNames = req.body?.need_name === 1
    const external = group.external.map(m => (typeof m === 'string' ? { id: m, name: customerName(m) } : m))
    res.json({
      ...OK,
      group_chat: {
        chat_id: group.chatId,
        name: group.name,
        owner: group.owner,
        create_time: JOINED_AT,
        member_list: [
          ...group.staff.map(userid => ({ userid, type: 1, join_time: JOINED_AT, join_scene: 1, ...(withNames && { name: userid, group_nickname: '' }) })),
          ...external.map(m => ({ userid: m.id, type: 2, join_time: JOINED_AT, join_scene: 3, ...(withNames && { name: m.name, group_nickname: '' }) })),
        ],
        admin_list: [],
      },
    })
  })

  router.get('/cgi-bin/externalcontact/list', endpoint('wecom.followedList', state), (req, res) => {
    if (!tokenIsValid(state, req, res))
      return
    const userid = typeof req.query.userid === 'string' ? req.query.userid : ''
    const followed = state.customers.filter(c => c.followers.some(f => f.wecomUserId === userid)).map(c => c.externalUserId)
    res.json(followed.length ? { ...OK, external_userid: followed } : { errcode: 84061, errmsg: 'not external contact' })
  })
  return router
}
