import { openEarly } from './opening'
import './styles.css'

/** The app waits for the opening this long at most before it starts anyway (a slow bridge shows the app's own screens). */
const APP_WAITS_FOR_OPENING_MS = 300

// The opening needs only the WeCom platform module, the HTTP client and the bridge's answer: it starts at once, and the
// context request goes out while Vue, the stores and the form are still arriving (index.html's skeleton shows
// meanwhile). The app's module is asked for at once too, so it is fetched and run while the page waits for the bridge
// (a warm visit renders from this device's copy of the context and waits on nothing else); it is mounted once the
// request is on its way, so the mount (the longest task on a slow phone) runs during the round trip instead of holding
// up the bridge's answer and the request.
const opening = openEarly()
const app = import('./app')
const limit = new Promise(resolve => setTimeout(resolve, APP_WAITS_FOR_OPENING_MS))
void Promise.race([opening.steps.catch(() => {}), limit])
  .then(() => app)
  .then(({ mountApp }) => mountApp())
