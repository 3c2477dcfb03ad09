import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useUploadsStore } from './uploads'

describe('uploads store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('adds up what every attachment module reports, and forgets a module that leaves', () => {
    const uploads = useUploadsStore()
    uploads.report('module:1', { running: 1, done: 2, failed: 0 })
    uploads.report('module:2', { running: 1, done: 0, failed: 1 })
    expect([uploads.inFlight, uploads.failed, uploads.progress]).toEqual([2, 1, '2/4'])
    uploads.report('module:2', null)
    expect([uploads.inFlight, uploads.failed, uploads.progress]).toEqual([1, 0, '2/3'])
  })

  it('a module reporting again replaces its tiles instead of adding them', () => {
    const uploads = useUploadsStore()
    uploads.report('module:1', { running: 2, done: 0, failed: 0 })
    uploads.report('module:1', { running: 0, done: 2, failed: 0 })
    expect([uploads.inFlight, uploads.progress]).toEqual([0, '2/2'])
  })
})
