/**
 * The URL the browser shows for a request, always on PUBLIC_URL's origin: the request line's path is set as a path
 * (dot segments normalised), never resolved as a reference, so `GET //otherhost:8443/x` cannot make us sign a page
 * on another host.
 */
export function pageUrlOf(originalUrl: string, publicUrl: string): string {
  const url = new URL(publicUrl)
  const queryAt = originalUrl.indexOf('?')
  url.pathname = queryAt === -1 ? originalUrl : originalUrl.slice(0, queryAt)
  url.search = queryAt === -1 ? '' : originalUrl.slice(queryAt)
  url.hash = ''
  return url.href
}
