import { LOAD_WORDS, showLoadProblem } from './loadProblem'
import { openEarly } from './opening'

/** The app waits for the opening this long at most before it starts anyway (a slow bridge shows the app's own screens). */
const APP_WAITS_FOR_OPENING_MS = 300
/** After this long without the app's code the page says so (and keeps waiting): never a skeleton without an end. */
const APP_LOAD_LIMIT_MS = 20_000

// The opening needs only the WeCom platform module, the HTTP client and the bridge's answer: it starts at once, and the
// context request goes out while Vue, the stores and the form are still arriving (index.html's skeleton shows
// meanwhile). The app's module is asked for at once too, so it is fetched and run while the page waits for the bridge
// (a warm visit renders from this device's copy of the context and waits on nothing else); it is mounted once the
// customer is known and the request is being started, so the mount (the longest task on a slow phone) does not hold
// up the bridge's answer. On a cold visit the app's module arrives after the request has gone out; on a warm one the
// mount may run first and the refresh goes out right after it (measured faster than the other order, see README).
const opening = openEarly()
const app = import('./app')
app.catch(() => {}) // handled below, once the opening has had its head start
const limit = new Promise(resolve => setTimeout(resolve, APP_WAITS_FOR_OPENING_MS))
const slow = setTimeout(() => showLoadProblem(document.getElementById('app'), LOAD_WORDS.slow), APP_LOAD_LIMIT_MS)
void Promise.race([opening.steps.catch(() => {}), limit])
  .then(() => app)
  .then(({ mountApp }) => {
    clearTimeout(slow)
    mountApp()
  })
  .catch(() => {
    clearTimeout(slow)
    showLoadProblem(document.getElementById('app'), LOAD_WORDS.failed)
  })
