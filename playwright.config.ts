import type { PluginOptions } from '@grafana/plugin-e2e';
import { defineConfig, devices } from '@playwright/test';
import { dirname } from 'node:path';

import { launchOptions } from './harness/launch';

/**
 * Two kinds of browser tests:
 * - `harness` (always): the built dist/module.js loaded by SystemJS into a host page made of Grafana's npm
 *   packages, fed by a real Prometheus backfilled from the simulator. Debian Chromium, no downloads.
 * - `grafana` (only when GRAFANA_URL is set, e.g. under docker compose): @grafana/plugin-e2e specs against a
 *   real Grafana. CI here has no Grafana and does not run them.
 */
const chromiumLaunch = launchOptions;

const grafanaUrl = process.env.GRAFANA_URL;
const grafanaProjects = grafanaUrl
  ? [
      { name: 'auth', testDir: `${dirname(require.resolve('@grafana/plugin-e2e'))}/auth`, testMatch: [/.*\.js/] },
      {
        name: 'grafana',
        testDir: './tests/grafana',
        use: {
          ...devices['Desktop Chrome'],
          baseURL: grafanaUrl,
          storageState: 'playwright/.auth/admin.json',
          launchOptions: chromiumLaunch,
        },
        dependencies: ['auth'],
      },
    ]
  : [];

export default defineConfig<PluginOptions>({
  outputDir: 'artifacts/playwright',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: [
    ['list'],
    ['json', { outputFile: 'artifacts/playwright.json' }],
    ['html', { open: 'never', outputFolder: 'artifacts/playwright-report' }],
  ],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'harness',
      testDir: './tests/harness',
      use: { viewport: { width: 1280, height: 900 }, launchOptions: chromiumLaunch },
    },
    ...grafanaProjects,
  ],
  globalSetup: require.resolve('./tests/harness/globalSetup'),
});
