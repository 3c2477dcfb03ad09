/**
 * Accepts only same-origin paths (`/x?y`). The decision is taken on the URL parser's normalised result, because dot
 * segments and percent-encoded dots (`/.//evil`, `/%2e%2e//evil`) collapse into `//evil` only after parsing, and a
 * Location of `//evil` is another site.
 */
export function safeReturnTo(value: unknown, publicUrl: string): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1024)
    return null
  if (!value.startsWith('/'))
    return null
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\u007F\\]/.test(value))
    return null
  try {
    const url = new URL(value, publicUrl)
    if (url.origin !== new URL(publicUrl).origin)
      return null
    const path = `${url.pathname}${url.search}`
    return isPlainPath(path) ? path : null
  }
  catch {
    return null
  }
}

/** A path a browser reads as this site's: one leading slash, no backslash or encoded slash that some agents fold. */
export function isPlainPath(path: string): boolean {
  return path.startsWith('/') && !/^\/[/\\]/.test(path) && !/^\/%(?:2f|5c)/i.test(path) && !path.includes('\\')
}
