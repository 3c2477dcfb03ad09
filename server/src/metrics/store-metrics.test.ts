import type { KeyValueStore } from '../store/store'
import { describe, expect, it } from 'vitest'
import { createMemoryStore } from '../store/memory-store'
import { StoreUnavailableError } from '../store/store'
import { createMetrics } from './metrics'
import { withStoreMetrics } from './store-metrics'

describe('store metrics', () => {
  it('counts a failed operation by name and passes the error on unchanged', async () => {
    const metrics = createMetrics()
    const failing: KeyValueStore = { ...createMemoryStore(), get: async () => {
      throw new StoreUnavailableError('get')
    } }
    const store = withStoreMetrics(failing, metrics)
    await expect(store.get('k')).rejects.toBeInstanceOf(StoreUnavailableError)
    await store.set('k', 'v', 1000)
    expect((await metrics.storeErrors.get()).values).toEqual([{ labels: { operation: 'get' }, value: 1 }])
  })

  it('counts an operation that throws before giving a promise, as a rejection', async () => {
    const metrics = createMetrics()
    const throwing: KeyValueStore = { ...createMemoryStore(), delete: (() => {
      throw new StoreUnavailableError('delete')
    }) as KeyValueStore['delete'] }
    await expect(withStoreMetrics(throwing, metrics).delete('k')).rejects.toBeInstanceOf(StoreUnavailableError)
    expect((await metrics.storeErrors.get()).values).toEqual([{ labels: { operation: 'delete' }, value: 1 }])
  })

  it('wraps each operation once, not at every use', () => {
    const store = withStoreMetrics(createMemoryStore(), createMetrics())
    expect(store.get).toBe(store.get)
    expect(store.set).not.toBe(store.get)
  })
})
