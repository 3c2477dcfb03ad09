import { onScopeDispose, ref } from 'vue'

const TEXT_INPUT = /^(?:text|search|tel|number|email|url|password)$/

function isTextField(element: Element | null): element is HTMLElement {
  if (element instanceof HTMLTextAreaElement)
    return true
  return element instanceof HTMLInputElement && TEXT_INPUT.test(element.type)
}

/**
 * Whether the on-screen keyboard is up: a text field has focus and the viewport shrank (Android resizes the page for
 * the keyboard; iOS shrinks the visual viewport). The fixed submit bar hides meanwhile, and the field being typed
 * into is scrolled clear, so the keyboard and the bar never cover it.
 */
export function useKeyboardOpen() {
  const open = ref(false)
  const viewportHeight = () => window.visualViewport?.height ?? window.innerHeight
  let tallest = viewportHeight()

  function update() {
    const height = viewportHeight()
    tallest = Math.max(tallest, height)
    const focused = document.activeElement
    const next = isTextField(focused) && height < tallest * 0.8
    if (next && !open.value)
      requestAnimationFrame(() => focused?.scrollIntoView({ block: 'center' }))
    open.value = next
  }

  const targets: [EventTarget, string][] = [[window, 'resize'], [document, 'focusin'], [document, 'focusout']]
  if (window.visualViewport)
    targets.push([window.visualViewport, 'resize'])
  targets.forEach(([target, name]) => target.addEventListener(name, update))
  onScopeDispose(() => targets.forEach(([target, name]) => target.removeEventListener(name, update)))
  return open
}
