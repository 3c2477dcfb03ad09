import { openEarly } from './opening'
import './styles.css'

/** The app waits for the opening this long at most before it starts anyway (a slow bridge shows the app's own screens). */
const APP_WAITS_FOR_OPENING_MS = 300

// The opening needs only the WeCom platform module, the HTTP client and the bridge's answer: it starts at once, and the
// context request goes out while Vue, the stores and the form are still arriving (index.html's skeleton shows
// meanwhile). Vue and the form start once the request is on its way, so their start-up (the longest task on a slow
// phone) runs during the round trip instead of holding up the bridge's answer and the request.
const opening = openEarly()
const limit = new Promise(resolve => setTimeout(resolve, APP_WAITS_FOR_OPENING_MS))
void Promise.race([opening.steps.catch(() => {}), limit])
  .then(() => import('./app'))
  .then(({ mountApp }) => mountApp())
