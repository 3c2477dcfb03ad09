/**
 * Text areas grow with what is typed. Where the browser can (CSS `field-sizing: content`, Chromium 123+, which the
 * WeCom clients on Android and PC are built on) it does so natively, and nothing measures the page while the form is
 * built; elsewhere Vant's autosize measures after each change. Each text area's CSS has the same min/max heights.
 */
const native = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content')

export function textareaAutosize(minHeight: number, maxHeight: number): { minHeight: number, maxHeight: number } | undefined {
  return native ? undefined : { minHeight, maxHeight }
}
