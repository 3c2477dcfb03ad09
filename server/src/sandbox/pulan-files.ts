import type { RequestHandler } from 'express'
import type { SandboxState } from './state'
import { LIMITS } from '@app/shared'
import { Router } from 'express'
import multer from 'multer'
import { endpoint } from './endpoint-middleware'

const MAX_MB = LIMITS.fileSizeBytes / 1024 / 1024

/** `POST /open-api/file/upload` (multipart field `file`) and `GET /files/:fileId`, which serves the bytes back. */
export function pulanFileRoutes(state: SandboxState, auth: RequestHandler): Router {
  const router = Router()
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: LIMITS.fileSizeBytes, files: 1 },
    defParamCharset: 'utf8',
  }).single('file')

  router.post('/open-api/file/upload', endpoint('pulan.upload', state), auth, (req, res) => {
    upload(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE')
        return res.json({ code: 413, msg: `文件不能超过 ${MAX_MB} MB` })
      if (error)
        return res.json({ code: 400, msg: `上传失败：${error instanceof Error ? error.message : String(error)}` })
      if (!req.file)
        return res.json({ code: 400, msg: '缺少文件（multipart 字段 file）' })
      const stored = state.storeFile({ fileName: req.file.originalname, mimeType: req.file.mimetype, bytes: req.file.buffer })
      res.json({
        code: 0,
        msg: 'success',
        data: { fileId: stored.fileId, fileName: stored.fileName, fileUrl: `${state.publicBase}/files/${stored.fileId}`, fileSize: stored.bytes.length },
      })
    })
  })

  router.get('/files/:fileId', (req, res) => {
    const file = state.files.get(Number(req.params.fileId))
    if (!file)
      return res.status(404).type('text/plain').send('文件不存在')
    res.type(file.mimeType || 'application/octet-stream')
      .set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.bytes)
  })
  return router
}
