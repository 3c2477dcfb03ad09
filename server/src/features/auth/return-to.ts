/** Accepts only same-origin paths (`/x?y`), never `//host`, `/\host`, schemes or control characters. */
export function safeReturnTo(value: unknown, publicUrl: string): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1024)
    return null
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return null
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\u007F\\]/.test(value))
    return null
  try {
    const url = new URL(value, publicUrl)
    if (url.origin !== new URL(publicUrl).origin)
      return null
    return `${url.pathname}${url.search}`
  }
  catch {
    return null
  }
}
