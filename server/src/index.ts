import { ConfigError, loadSettings } from './config'
import { createLogger } from './logger'
import { startServer } from './server'

async function main() {
  let settings
  try {
    settings = loadSettings()
  }
  catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Refusing to start. ${error.message}`)
      process.exit(1)
    }
    throw error
  }
  const logger = createLogger(settings.logLevel)
  const running = await startServer(settings, { logger })

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping)
      return
    stopping = true
    logger.info({ signal }, 'shutting down: finishing in-flight requests')
    await running.close()
    logger.info('stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

main().catch((error: unknown) => {
  console.error('Failed to start:', error instanceof Error ? error.message : error)
  process.exit(1)
})
