import type { Ref } from 'vue'
import { onMounted, ref } from 'vue'

/** After the next frame has been painted. */
export function afterPaint(): Promise<void> {
  return new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)))
}

/**
 * False until the frame after the component mounted has been painted. Parts below the fold render then, so the first
 * frame (the customer, the opportunity, the first question and the submit button) is painted sooner: on a slow phone
 * the whole form at once took about 100 ms more before anything showed.
 */
export function usePaintedOnce(): Ref<boolean> {
  const painted = ref(false)
  onMounted(() => void afterPaint().then(() => {
    painted.value = true
  }))
  return painted
}
