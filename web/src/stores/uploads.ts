import { defineStore } from 'pinia'
import { computed, reactive } from 'vue'

/** One attachment module's tiles: still uploading, uploaded, failed. */
export interface ModuleUploads { running: number, done: number, failed: number }

/** Each attachment module reports its tiles here, so submit knows what is still uploading or has failed. */
export const useUploadsStore = defineStore('uploads', () => {
  const byModule = reactive(new Map<string, ModuleUploads>())

  function report(moduleKey: string, state: ModuleUploads | null) {
    if (state)
      byModule.set(moduleKey, state)
    else
      byModule.delete(moduleKey)
  }

  const sum = (pick: (state: ModuleUploads) => number) => [...byModule.values()].reduce((total, state) => total + pick(state), 0)
  const inFlight = computed(() => sum(s => s.running))
  const failed = computed(() => sum(s => s.failed))
  /** "1/2": uploaded so far out of the files still on their way plus those done. */
  const progress = computed(() => `${sum(s => s.done)}/${sum(s => s.done + s.running)}`)

  return { byModule, report, inFlight, failed, progress }
})
