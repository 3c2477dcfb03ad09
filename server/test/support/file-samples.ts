/** Small files whose bytes are what their names say (file-type recognises each), and some that are not. */
export const PNG_1PX = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'))

/** A JPEG header (SOI + JFIF APP0) followed by `size` bytes in all. */
export function jpegOf(size: number, fill = 7): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size).fill(fill)
  bytes.set([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00])
  return bytes
}

export const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n%\u00E2\u00E3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1'))
/** An OLE compound file header, the container of .doc, .xls and .ppt. */
export const CFB = (() => {
  const bytes = new Uint8Array(1024)
  bytes.set([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
  return bytes
})()
export const TEXT = new Uint8Array(Buffer.from('客户关心价格，下周再约。\n'))

export const WINDOWS_EXE = new Uint8Array(Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000', 'hex'))
export const LINUX_ELF = new Uint8Array([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, ...Array.from({ length: 56 }).fill(0) as number[]])
export const HTML = new Uint8Array(Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'))
export const SVG = new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'))
export const ZIP = new Uint8Array(Buffer.from('504b0304140000000000000000000000000000000000000000000000000000', 'hex'))
