import { createPinia } from 'pinia'
import { createApp, watch } from 'vue'
import { loadSchemas } from './api/loadSchemas'
import App from './App.vue'
import { prefetchFormParts } from './components/follow-up/formParts'
import { mark } from './marks'
import { loadFollowUpPage } from './pages/loadFollowUpPage'
import { useSessionStore } from './stores/session'

/** Vue, the stores and the start-up screens: loaded by main.ts while the opening (WeCom, the context) runs. */
export function mountApp() {
  mark('app:start')
  void loadFollowUpPage()
  prefetchFormParts()
  const pinia = createPinia()
  createApp(App).use(pinia).mount('#app')
  mark('app:mounted')

  // Icons are decoration, the schemas check answers after they are shown and what 提交 runs (with the form's rules)
  // must be there offline: all three wait until the first screen is
  // settled and the main thread is idle, so on a slow network they never compete with the customer's context.
  function afterFirstScreen() {
    void import('virtual:vant-icon-font.css')
    void loadSchemas()
    void import('./follow-up/submitFlow')
  }
  const session = useSessionStore(pinia)
  const settled = watch(() => session.phase, (phase) => {
    if (phase === 'starting')
      return
    settled.stop()
    if ('requestIdleCallback' in window)
      requestIdleCallback(afterFirstScreen, { timeout: 3000 })
    else
      setTimeout(afterFirstScreen, 1000)
  })
}
