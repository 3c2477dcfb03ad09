import type { AppDeps } from '../../deps'
import { Router } from 'express'
import multer from 'multer'
import { AppError } from '../../errors'
import { sessionUser } from '../../session-middleware'
import { contentMatchesType } from './file-content'
import { recordUpload } from './file-records'
import { decodeFileName, isAllowedFile, MAX_FILE_BYTES } from './file-rules'
import { uploadSlots } from './upload-slots'

export function fileRoutes({ pulan, store, uploadLimits }: AppDeps): Router {
  const router = Router()
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, parts: 6 } })

  router.post('/', uploadSlots(uploadLimits), (req, res, next) => {
    upload.single('file')(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        if (error.code === 'LIMIT_FILE_SIZE')
          return next(new AppError(413, 'FILE_TOO_LARGE', `文件太大了，单个附件不能超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`))
        return next(new AppError(400, 'FILE_MISSING', '请只上传一个文件（字段名 file）'))
      }
      // busboy's parse errors (no boundary, truncated body) are the request's fault, not ours.
      if (error)
        return next(new AppError(400, 'FILE_MISSING', '上传的内容不完整，请重新选择文件'))
      next()
    })
  }, async (req, res) => {
    const file = req.file
    if (!file || file.size === 0)
      throw new AppError(400, 'FILE_MISSING', '没有收到文件，请重新选择')
    const fileName = decodeFileName(file.originalname).slice(0, 200)
    if (!isAllowedFile(file.mimetype, fileName))
      throw new AppError(415, 'UNSUPPORTED_FILE_TYPE', '不支持这种文件，请上传图片、PDF、Office 文档或文本文件')
    if (!(await contentMatchesType(file.mimetype, file.buffer)))
      throw new AppError(415, 'FILE_CONTENT_MISMATCH', '文件内容与文件类型不符（可能被改过扩展名），请上传原始的图片、PDF、Office 文档或文本文件')
    const uploaded = await pulan.uploadFile({ buffer: file.buffer, fileName, mimeType: file.mimetype })
    await recordUpload(store, sessionUser(res).wecomUserId, uploaded)
    res.status(201).json(uploaded)
  })

  return router
}
