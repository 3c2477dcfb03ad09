/** Loopback ports of the browser-test server and its sandbox stand-ins. */
export const E2E_PORTS = { app: 4310, pulan: 4311, wecom: 4312 } as const
export const APP_URL = `http://localhost:${E2E_PORTS.app}`
export const SANDBOX_CONTROL_URL = `http://127.0.0.1:${E2E_PORTS.pulan}/__sandbox`
