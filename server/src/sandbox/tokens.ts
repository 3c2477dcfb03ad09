import { randomBytes } from 'node:crypto'
import { SANDBOX_BOUNDS, trimMap } from './bounded'

export type TokenKind = 'wecom.accessToken' | 'wecom.jsapiTicket' | 'wecom.agentTicket' | 'pulan.accessToken'
export type TokenCheck = 'valid' | 'unknown' | 'expired'

/** Issues opaque tokens and tickets that expire after the TTL, or all at once on `expireAll`. */
export class TokenIssuer {
  private readonly issued = new Map<string, { kind: TokenKind, expiresAt: number }>()

  constructor(private readonly ttlSeconds: number) {}

  /** `expiresIn` is whole seconds, as both upstreams report it. */
  issue(kind: TokenKind): { value: string, expiresIn: number } {
    const value = `${kind.split('.')[0]}-${randomBytes(24).toString('hex')}`
    this.issued.set(value, { kind, expiresAt: Date.now() + this.ttlSeconds * 1000 })
    trimMap(this.issued, SANDBOX_BOUNDS.tokens)
    return { value, expiresIn: Math.max(1, Math.ceil(this.ttlSeconds)) }
  }

  check(kind: TokenKind, value: string | undefined): TokenCheck {
    const token = value ? this.issued.get(value) : undefined
    if (!token || token.kind !== kind)
      return 'unknown'
    return Date.now() < token.expiresAt ? 'valid' : 'expired'
  }

  /** Every value of a kind still valid: what a test needs to verify a JS-SDK signature. */
  validValues(kind: TokenKind): string[] {
    const now = Date.now()
    return [...this.issued].filter(([, token]) => token.kind === kind && token.expiresAt > now).map(([value]) => value)
  }

  expireAll(): void {
    const past = Date.now() - 1
    for (const token of this.issued.values())
      token.expiresAt = past
  }

  clear(): void {
    this.issued.clear()
  }
}

/** OAuth2 codes: single use, valid for five minutes. */
export class OAuthCodes {
  private readonly codes = new Map<string, { userid: string, expiresAt: number }>()

  issue(userid: string, ttlMs = 5 * 60_000): string {
    const code = randomBytes(16).toString('hex')
    this.codes.set(code, { userid, expiresAt: Date.now() + ttlMs })
    trimMap(this.codes, SANDBOX_BOUNDS.codes)
    return code
  }

  /** The user the code was issued for, or null when it is unknown, used or expired. Uses it up either way. */
  redeem(code: string): string | null {
    const entry = this.codes.get(code)
    this.codes.delete(code)
    return entry && Date.now() < entry.expiresAt ? entry.userid : null
  }

  clear(): void {
    this.codes.clear()
  }
}
