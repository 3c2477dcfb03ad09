import type { InjectionKey } from 'vue'
import type { Platform } from './types'
import { inject } from 'vue'

export const platformKey: InjectionKey<Platform> = Symbol('platform')

export function usePlatform(): Platform {
  const platform = inject(platformKey)
  if (!platform)
    throw new Error('usePlatform() outside a page that provides the platform')
  return platform
}
