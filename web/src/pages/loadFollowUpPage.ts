/**
 * The form and its Vant components are a chunk of their own. main.ts asks for it at once, so it downloads while the
 * WeCom handshake and the context request run, and the first paint (the skeleton) waits for neither.
 */
export const loadFollowUpPage = () => import('./FollowUpPage.vue')
