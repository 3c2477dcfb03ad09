import type { Logger } from 'pino'
import pino from 'pino'

/** Paths that may hold a secret, a token or a person's credentials; their values never reach a log line. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.secret',
  '*.corpsecret',
  '*.appSecret',
  '*.access_token',
  '*.accessToken',
  '*.ticket',
  '*.code',
]

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined }, destination)
}

/** Query strings can carry OAuth codes, tokens or secrets: only the path is logged. */
export function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? ''
}
