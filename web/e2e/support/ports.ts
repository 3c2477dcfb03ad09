/**
 * Loopback ports of the browser-test server and its sandbox stand-ins. `E2E_PORT_BASE` moves all three, so two
 * checkouts on one machine can run their browser tests at the same time.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 4310)
export const E2E_PORTS = { app: base, pulan: base + 1, wecom: base + 2 } as const
export const APP_URL = `http://localhost:${E2E_PORTS.app}`
export const SANDBOX_CONTROL_URL = `http://127.0.0.1:${E2E_PORTS.pulan}/__sandbox`
