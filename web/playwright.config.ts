import { SERVER_DIR, SERVER_ENTRY, testServerEnv } from '@app/server/test/server-process'
import { defineConfig } from '@playwright/test'
import { CHROMIUM, PHONE } from './e2e/support/phone'
import { APP_URL, E2E_PORTS } from './e2e/support/ports'

/** The built page served by the real server in sandbox mode, in Debian's Chromium at a phone's size, in Chinese. */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One sandbox serves every test, and tests count what it received: run them one after another.
  workers: 1,
  fullyParallel: false,
  reporter: [['list']],
  outputDir: '../.tmp/e2e-results',
  use: {
    baseURL: APP_URL,
    ...PHONE,
    launchOptions: CHROMIUM,
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `node --import tsx ${SERVER_ENTRY}`,
    cwd: SERVER_DIR,
    url: `${APP_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: testServerEnv({
      PORT: String(E2E_PORTS.app),
      PUBLIC_URL: APP_URL,
      SANDBOX: '1',
      SANDBOX_PULAN_PORT: String(E2E_PORTS.pulan),
      SANDBOX_WECOM_PORT: String(E2E_PORTS.wecom),
      SESSION_SECRET: 'e2e-session-secret-that-is-long-enough-0123456789',
      LOG_LEVEL: 'warn',
      UPSTREAM_TIMEOUT_MS: '2000',
    }),
  },
})
