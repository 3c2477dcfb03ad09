import type { PlatformVoice } from './types'
import * as ww from '@wecom/jssdk'

/** Stopping and starting answer at once in a working client; recognition can take a few seconds. */
export const RECORD_MS = 8000
export const TRANSLATE_MS = 15_000

type Call = <T>(api: string, what: string, run: () => Promise<T>, ms?: number) => Promise<T>

/** Voice input through the client's recorder (phones only), including its own stop after 60 s. */
export function createWeComVoice(call: Call): PlatformVoice {
  let onAutoStop: ((spoken: Promise<string>) => void) | null = null
  let listening = false
  const translate = (localId: string) => call('translateVoice', '识别语音', async () =>
    (await ww.translateVoice({ localId, isShowProgressTips: true })).translateResult, TRANSLATE_MS)

  return {
    async start(autoStop) {
      if (!listening) {
        listening = true
        // The client ends a recording by itself at 60 s and hands over its localId: that recording is translated.
        void ww.onVoiceRecordEnd((event) => {
          const handler = onAutoStop
          onAutoStop = null
          handler?.(translate(event.localId))
        })
      }
      onAutoStop = autoStop
      try {
        await call('startRecord', '开始录音', () => ww.startRecord(), RECORD_MS)
      }
      catch (error) {
        onAutoStop = null
        throw error
      }
    },
    async stop() {
      onAutoStop = null
      const { localId } = await call('stopRecord', '结束录音', () => ww.stopRecord(), RECORD_MS)
      return translate(localId)
    },
  }
}
