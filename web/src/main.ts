import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { loadFollowupPage } from './pages/loadFollowupPage'
import './styles.css'

void loadFollowupPage()
createApp(App).use(createPinia()).mount('#app')

// Icons are decoration: their font arrives after the first screen.
void import('virtual:vant-icon-font.css')
