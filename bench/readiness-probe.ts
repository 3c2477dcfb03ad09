/**
 * Runs in the page before its own scripts (addInitScript). Marks, on the page's performance.now() clock (0 = start
 * of navigation), the first moment the customer's name is shown and the submit button is enabled, and the frame
 * after it (when the browser can paint it).
 */
export function readinessProbe() {
  const w = window as unknown as { __benchReady?: { domMs: number, frameMs?: number } }
  const visible = (element: Element | null) => !!element && element.getClientRects().length > 0
  const check = () => {
    if (w.__benchReady)
      return
    const name = document.querySelector('[data-testid="customer-name"]')
    const submit = document.querySelector('[data-testid="submit"]') as HTMLButtonElement | null
    if (!visible(name) || !name!.textContent?.trim() || !visible(submit) || submit!.disabled)
      return
    const ready: { domMs: number, frameMs?: number } = { domMs: performance.now() }
    w.__benchReady = ready
    observer.disconnect()
    requestAnimationFrame(() => {
      ready.frameMs = performance.now()
    })
  }
  const observer = new MutationObserver(check)
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
}

export interface PageTimings {
  ready: { domMs: number, frameMs?: number }
  navigation: { responseStart: number, responseEnd: number, domContentLoadedEventEnd: number, loadEventEnd: number, transferSize: number }
  resources: { name: string, initiatorType: string, startTime: number, responseEnd: number, transferSize: number, encodedBodySize: number, decodedBodySize: number }[]
}

/** Read in the page once it is ready. */
export function readTimings(): PageTimings {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
  return {
    ready: (window as unknown as { __benchReady: PageTimings['ready'] }).__benchReady,
    navigation: { responseStart: nav.responseStart, responseEnd: nav.responseEnd, domContentLoadedEventEnd: nav.domContentLoadedEventEnd, loadEventEnd: nav.loadEventEnd, transferSize: nav.transferSize },
    resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(r => ({
      name: new URL(r.name).pathname,
      initiatorType: r.initiatorType,
      startTime: r.startTime,
      responseEnd: r.responseEnd,
      transferSize: r.transferSize,
      encodedBodySize: r.encodedBodySize,
      decodedBodySize: r.decodedBodySize,
    })),
  }
}
