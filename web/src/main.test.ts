import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const state = vi.hoisted(() => ({ appLoaded: false, mounted: 0, resolveSteps: (() => {}) as () => void }))

vi.mock('./styles.css', () => ({}))
vi.mock('./opening', () => ({
  openEarly: () => ({ steps: new Promise<void>((resolve) => { state.resolveSteps = resolve }) }),
}))
vi.mock('./app', () => {
  state.appLoaded = true
  return { mountApp: () => { state.mounted++ } }
})

async function settle() {
  for (let i = 0; i < 10; i++)
    await Promise.resolve()
}

describe('the entry', () => {
  beforeEach(() => {
    vi.resetModules()
    vi.useFakeTimers()
    Object.assign(state, { appLoaded: false, mounted: 0 })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('asks for the app at once but mounts it only when the opening has sent the context request', async () => {
    await import('./main')
    await vi.advanceTimersByTimeAsync(0)
    expect(state.appLoaded).toBe(true)
    expect(state.mounted).toBe(0)
    state.resolveSteps()
    await settle()
    expect(state.mounted).toBe(1)
  })

  it('mounts the app after 300 ms when the bridge has not answered, so a slow client shows the app\'s own screens', async () => {
    await import('./main')
    await vi.advanceTimersByTimeAsync(299)
    expect(state.mounted).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    await settle()
    expect(state.mounted).toBe(1)
    state.resolveSteps()
    await settle()
    expect(state.mounted).toBe(1)
  })
})
