/** The long side of a photo after compression: sharp enough to read a whiteboard or a contract page. */
const MAX_SIDE = 2048
const QUALITY = 0.82
const COMPRESSIBLE = /^image\/(?:jpeg|png|webp)$/

/**
 * Photos are re-encoded in the page with the browser's own canvas encoder (JPEG) when that makes them smaller, so a
 * 15 MB camera photo uploads as a readable one of a few MB. Other files, and photos the browser cannot decode, are
 * returned as they are.
 */
export async function preparePhoto(file: File): Promise<File> {
  if (!COMPRESSIBLE.test(file.type) || typeof createImageBitmap !== 'function')
    return file
  try {
    const bitmap = await createImageBitmap(file)
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    const context = canvas.getContext('2d')
    if (!context)
      return file
    context.fillStyle = '#fff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    bitmap.close()
    const blob = await new Promise<Blob | null>(resolve => canvas.toBlob(resolve, 'image/jpeg', QUALITY))
    if (!blob || blob.size >= file.size)
      return file
    return new File([blob], file.name.replace(/\.(?:png|webp|jpe?g)$/i, '.jpg'), { type: 'image/jpeg' })
  }
  catch (error) {
    console.warn('照片压缩失败，按原图上传', error)
    return file
  }
}
