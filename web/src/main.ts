import { createPinia } from 'pinia'
import { createApp, watch } from 'vue'
import App from './App.vue'
import { loadFollowupPage } from './pages/loadFollowupPage'
import { useSessionStore } from './stores/session'
import './styles.css'

// Start fetching what the first screen needs at once, in parallel: the WeCom platform (inside WeCom) and the form.
if (/wxwork\//i.test(navigator.userAgent))
  void import('./platform/wecom')
void loadFollowupPage()
const pinia = createPinia()
createApp(App).use(pinia).mount('#app')

// Icons are decoration: their font (25 KB) waits until the first screen is settled and the main thread is idle, so
// on a slow network it never competes with the customer's context.
function loadIconFont() {
  void import('virtual:vant-icon-font.css')
}
const session = useSessionStore(pinia)
const settled = watch(() => session.phase, (phase) => {
  if (phase === 'starting')
    return
  settled.stop()
  if ('requestIdleCallback' in window)
    requestIdleCallback(loadIconFont, { timeout: 3000 })
  else
    setTimeout(loadIconFont, 1000)
})
