import { computed, reactive } from 'vue'

/** Each attachment module reports its tiles here, so submit knows what is still uploading or has failed. */
interface ModuleUploads { running: number, done: number, failed: number }
const byModule = reactive(new Map<string, ModuleUploads>())

export function reportUploads(moduleKey: string, state: ModuleUploads | null) {
  if (state)
    byModule.set(moduleKey, state)
  else
    byModule.delete(moduleKey)
}

const sum = (pick: (state: ModuleUploads) => number) => [...byModule.values()].reduce((total, state) => total + pick(state), 0)

export const uploadsInFlight = computed(() => sum(s => s.running))
export const uploadsFailed = computed(() => sum(s => s.failed))
/** "1/2": uploaded so far out of the files still on their way plus those done. */
export const uploadProgress = computed(() => `${sum(s => s.done)}/${sum(s => s.done + s.running)}`)
