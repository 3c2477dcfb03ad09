import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const state = vi.hoisted(() => ({ appLoaded: false, mounted: 0, resolveSteps: (() => {}) as () => void }))

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

  it('says so in Chinese, with 重新加载, when the app\'s code does not arrive, instead of a skeleton without end', async () => {
    document.body.innerHTML = '<div id="app"><div data-testid="skeleton"></div></div>'
    vi.doMock('./app', () => {
      throw new Error('Failed to fetch dynamically imported module')
    })
    await import('./main')
    state.resolveSteps()
    await vi.advanceTimersByTimeAsync(0)
    await settle()
    const problem = document.querySelector('[data-testid="load-problem"]')
    expect(problem?.textContent).toContain('页面没有加载完整')
    expect(document.querySelector('[data-testid="skeleton"]')).toBeNull()
    expect(document.querySelector('[data-testid="load-retry"]')?.textContent).toBe('重新加载')
    vi.doUnmock('./app')
  })

  it('says the page is slow after 20 s without the app, and the app still replaces that when it arrives', async () => {
    document.body.innerHTML = '<div id="app"><div data-testid="skeleton"></div></div>'
    let arrive!: () => void
    vi.doMock('./app', async () => {
      await new Promise<void>((resolve) => {
        arrive = resolve
      })
      return { mountApp: () => { state.mounted++ } }
    })
    await import('./main')
    state.resolveSteps()
    await vi.advanceTimersByTimeAsync(19_999)
    expect(document.querySelector('[data-testid="load-problem"]')).toBeNull()
    await vi.advanceTimersByTimeAsync(1)
    expect(document.querySelector('[data-testid="load-problem"]')?.textContent).toContain('加载得很慢')
    arrive()
    await settle()
    expect(state.mounted).toBe(1)
    vi.doUnmock('./app')
  })
})
