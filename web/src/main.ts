import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { loadFollowupPage } from './pages/loadFollowupPage'
import './styles.css'

// Start fetching what the first screen needs at once, in parallel: the WeCom platform (inside WeCom) and the form.
if (/wxwork\//i.test(navigator.userAgent))
  void import('./platform/wecom')
void loadFollowupPage()
createApp(App).use(createPinia()).mount('#app')

// Icons are decoration: their font (25 KB) waits until the page has loaded and the main thread is idle.
function loadIconFont() {
  void import('virtual:vant-icon-font.css')
}
addEventListener('load', () => {
  if ('requestIdleCallback' in window)
    requestIdleCallback(loadIconFont, { timeout: 4000 })
  else
    setTimeout(loadIconFont, 2000)
}, { once: true })
