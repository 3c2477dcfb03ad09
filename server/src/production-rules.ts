/**
 * What production refuses even when each value parses: settings that would work but be unsafe. Each problem names
 * the variable and says what to set instead. `env` is the parsed environment (config.ts is the only reader).
 */
export interface ProductionEnv {
  SANDBOX: boolean
  SESSION_SECRET?: string | undefined
  PUBLIC_URL?: string | undefined
  TRUST_PROXY?: string | undefined
}

const PLACEHOLDERS = /change-?me|example|placeholder|password|your[-_]|^(?:secret|session)[-_]?secret$/i

/** Why a session secret is too weak to sign sessions with, or null when it is fine. */
export function weakSecretReason(secret: string): string | null {
  if (!secret.trim())
    return 'is blank'
  if (isRepetition(secret))
    return 'repeats a short pattern'
  if (/(.)\1{7}/s.test(secret))
    return 'repeats one character many times'
  const distinct = new Set(secret).size
  // An estimate of what guessing it costs: length x bits per character of the alphabet it actually uses.
  if (distinct < 10 || secret.length * Math.log2(distinct) < 128)
    return 'uses too few different characters'
  if (PLACEHOLDERS.test(secret))
    return 'looks like a placeholder'
  return null
}

function isRepetition(text: string): boolean {
  for (let unit = 1; unit <= text.length / 2; unit++) {
    if (text.length % unit === 0 && text.slice(0, unit).repeat(text.length / unit) === text)
      return true
  }
  return false
}

const LOOPBACK_HOSTS = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

export function productionProblems(env: ProductionEnv, credentialsSet: readonly string[]): string[] {
  const problems: string[] = []
  if (env.SANDBOX && credentialsSet.length)
    problems.push(`SANDBOX=1 is set together with real credentials (${credentialsSet.join(', ')}): remove SANDBOX to use the real upstreams, or remove the credentials for a demo`)
  const weak = env.SESSION_SECRET === undefined ? null : weakSecretReason(env.SESSION_SECRET)
  if (weak)
    problems.push(`SESSION_SECRET ${weak}: set 32+ random characters, e.g. the output of \`openssl rand -base64 48\``)
  if (env.PUBLIC_URL) {
    const url = new URL(env.PUBLIC_URL)
    if (url.protocol === 'http:' && !LOOPBACK_HOSTS.test(url.hostname))
      problems.push(`PUBLIC_URL is http:// on ${url.hostname}: set the https:// origin the app is served on (sessions must not travel in clear text)`)
  }
  if (env.TRUST_PROXY === 'true')
    problems.push('TRUST_PROXY=true lets any client choose its IP through X-Forwarded-For (and escape every per-IP limit): set the number of proxies in front (e.g. 1) or their addresses (e.g. loopback, 10.0.0.0/8)')
  return problems
}
