import { Browser, LaunchOptions, Page, chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

import type { HarnessConfig } from './host/config';

/**
 * Chromium for harness pages. `npx playwright install` cannot download browsers here, so this uses Debian's
 * chromium; the flags stop it from flooding the closed network with background requests.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Fails with the install command when Debian's Chromium is missing (called before any browser run starts). */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install with:\n  apt-get install -y chromium   (npm test and npm run demo do, as root)`
    );
  }
}

/** For Playwright configs: `use: { launchOptions }`. */
export const launchOptions: LaunchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };

export function launchBrowser(extra: LaunchOptions = {}): Promise<Browser> {
  assertChromium();
  return chromium.launch({ ...launchOptions, ...extra, args: [...CHROMIUM_ARGS, ...(extra.args ?? [])] });
}

/** URL of the harness page rendering `config` (the page reads `?config=<url-encoded JSON>`). */
export function harnessUrl(baseUrl: string, config: HarnessConfig): string {
  return `${baseUrl.replace(/\/$/, '')}/?config=${encodeURIComponent(JSON.stringify(config))}`;
}

/** Opens the harness rendering `config` and waits until every panel has rendered with its data. */
export async function openHarnessPage(page: Page, baseUrl: string, config: HarnessConfig): Promise<void> {
  await page.goto(harnessUrl(baseUrl, config));
  await page.waitForFunction(
    () => (window as unknown as { harness?: { ready?: Promise<void> } }).harness?.ready !== undefined
  );
  await page.evaluate(() => (window as unknown as { harness: { ready: Promise<void> } }).harness.ready);
}
