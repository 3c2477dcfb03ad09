import type { Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const dir = fileURLToPath(new URL('../screenshots/', import.meta.url))

/** Saves a screenshot of a main screen under web/e2e/screenshots/ (looked at by people, not compared). */
export async function saveScreen(page: Page, name: string, fullPage = false) {
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: `${dir}${name}.png`, fullPage })
}
