import os from 'node:os';
import path from 'node:path';

import { defineConfig } from '@playwright/test';

import { launchOptions } from './launch';

/** Self-test of the harness: `[HARNESS_HOST=13.2] npx playwright test -c harness/playwright.config.ts`. */
export default defineConfig({
  testDir: './e2e',
  // Outside the repo: screenshots and .last-run.json are not source.
  outputDir: path.join(os.tmpdir(), 'harness-e2e-results'),
  globalSetup: require.resolve('./e2e/globalSetup'),
  workers: 1,
  timeout: 60_000,
  // Waits are for what a person would see; on a busy shared machine that can take longer than the default 5 s.
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    [
      'json',
      { outputFile: process.env.HARNESS_REPORT ?? path.join(__dirname, '..', 'artifacts', 'harness-selftest.json') },
    ],
  ],
  use: { launchOptions, viewport: { width: 1280, height: 900 } },
});
