import type { RequestHandler } from 'express'
import { AppError } from '../../errors'
import { sessionUser } from '../../session-middleware'

export interface UploadLimits { perSalesperson: number, total: number }
/** A 10 MB upload is held in memory a few times over (parse, upstream form); these bound how many at once. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { perSalesperson: 2, total: 16 }

/** Takes an upload slot before the body is read, and gives it back when the response is done (or the client left). */
export function uploadSlots(limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): RequestHandler {
  const bySalesperson = new Map<string, number>()
  let total = 0
  return (_req, res, next) => {
    const owner = sessionUser(res).wecomUserId
    const mine = bySalesperson.get(owner) ?? 0
    if (mine >= limits.perSalesperson)
      throw new AppError(429, 'UPLOADS_BUSY', `你已有 ${mine} 个附件正在上传，请等它们完成后再上传`, undefined, { 'Retry-After': '5' })
    if (total >= limits.total)
      throw new AppError(503, 'UPLOADS_BUSY', '现在上传的人太多了，请稍后再试；填写的内容已保存', undefined, { 'Retry-After': '5' })
    bySalesperson.set(owner, mine + 1)
    total++
    res.once('close', () => {
      total--
      const left = (bySalesperson.get(owner) ?? 1) - 1
      if (left > 0)
        bySalesperson.set(owner, left)
      else
        bySalesperson.delete(owner)
    })
    next()
  }
}
