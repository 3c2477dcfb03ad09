/**
 * Marks on the page's performance timeline where the opening goes (read by `pnpm bench` and by DevTools' Performance
 * panel): `opening:*` for the customer and the context request, `app:*` for Vue and the first render.
 */
export type MarkName = 'opening:platform' | 'opening:customer' | 'opening:context-sent' | 'opening:context' | 'app:start' | 'app:mounted'

export function mark(name: MarkName): void {
  globalThis.performance?.mark?.(name)
}
