/**
 * What the page shows when its own code does not arrive (a dropped connection, a very slow one): without it the
 * skeleton would stay for good. Plain DOM, styled by index.html's inline CSS: Vue is what did not load. The app
 * replaces it when it mounts.
 */
export function showLoadProblem(root: HTMLElement | null, message: string): void {
  if (!root)
    return
  const card = document.createElement('div')
  card.className = 'app-card'
  card.setAttribute('role', 'alert')
  card.dataset.testid = 'load-problem'
  const text = document.createElement('p')
  text.textContent = message
  text.style.margin = '0 0 12px'
  const retry = document.createElement('button')
  retry.type = 'button'
  // A thumb-sized button in the app's blue: Vant's styles are part of what did not arrive.
  Object.assign(retry.style, { display: 'block', width: '100%', height: '44px', border: '0', borderRadius: '22px', background: 'var(--app-primary)', color: '#fff', fontSize: '16px' })
  retry.dataset.testid = 'load-retry'
  retry.textContent = '重新加载'
  retry.addEventListener('click', () => location.reload())
  card.append(text, retry)
  root.replaceChildren(card)
}

export const LOAD_WORDS = {
  failed: '页面没有加载完整，可能是网络中断了。请检查网络后重新加载。',
  slow: '页面加载得很慢，可能是网络不好。可以继续等待，或重新加载。',
}
