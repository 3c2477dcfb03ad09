import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SANDBOX_CREDENTIALS } from '../../src/sandbox'
import { TEST_SESSION_SECRET } from '../support/harness'

/** Names of the secret settings and of the upstream parameters that carry secrets. */
export const SECRET_NAMES = ['WECOM_SECRET', 'PULAN_APP_SECRET', 'SESSION_SECRET', 'corpsecret', 'appSecret']

/** Configured secret values a test server runs with. */
export const CONFIGURED_SECRETS = [SANDBOX_CREDENTIALS.corpSecret, SANDBOX_CREDENTIALS.appSecret, TEST_SESSION_SECRET]

/** Each secret found in `text`, as `name`; matching ignores case for names (corpSecret = corpsecret). */
export function findSecrets(text: string, values: Iterable<string>, names: string[] = []): string[] {
  const lower = text.toLowerCase()
  const found = new Set<string>()
  for (const value of values) {
    if (value.length >= 8 && text.includes(value))
      found.add(value)
  }
  for (const name of names) {
    if (lower.includes(name.toLowerCase()))
      found.add(name)
  }
  return [...found]
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(entry => entry.isFile())
    .map(entry => join(entry.parentPath, entry.name))
}

export const readText = (file: string) => readFileSync(file, 'utf8')
