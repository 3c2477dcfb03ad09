import type { KeyValueStore } from '../store/store'
import type { Metrics } from './metrics'

/** The store, with every failed operation counted by name; the error itself still reaches the caller unchanged. */
export function withStoreMetrics<S extends KeyValueStore>(store: S, metrics: Pick<Metrics, 'storeErrors'>): S {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver)
      if (typeof value !== 'function' || typeof property !== 'string' || property === 'close')
        return value
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args)
        }
        catch (error) {
          metrics.storeErrors.inc({ operation: property })
          throw error
        }
      }
    },
  })
}
