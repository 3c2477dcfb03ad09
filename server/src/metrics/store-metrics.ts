import type { KeyValueStore } from '../store/store'
import type { Metrics } from './metrics'

/**
 * The store, with every failed operation counted by name; the error itself still reaches the caller unchanged. Each
 * method is wrapped once, on first use (a wrapper made at every access cost each store call a closure).
 */
export function withStoreMetrics<S extends KeyValueStore>(store: S, metrics: Pick<Metrics, 'storeErrors'>): S {
  const wrapped = new Map<string, { original: unknown, counted: (...args: unknown[]) => Promise<unknown> }>()
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver)
      if (typeof value !== 'function' || typeof property !== 'string' || property === 'close')
        return value
      const known = wrapped.get(property)
      if (known?.original === value)
        return known.counted
      const failed = (error: unknown): never => {
        metrics.storeErrors.inc({ operation: property })
        throw error
      }
      // A promise chained to the operation's, not an async function awaiting it: one promise per call instead of three.
      const counted = (...args: unknown[]) => {
        try {
          return Promise.resolve((value as (...args: unknown[]) => unknown).apply(target, args)).catch(failed)
        }
        catch (error) {
          return Promise.reject(error).catch(failed)
        }
      }
      wrapped.set(property, { original: value, counted })
      return counted
    },
  })
}
