import type { PluginOptions } from '@grafana/plugin-e2e';
import { defineConfig, devices } from '@playwright/test';
import { dirname } from 'node:path';

import { hostFromEnv } from './harness/hosts';
import { launchOptions } from './harness/launch';
import { CORE_SPECS, backendFromEnv } from './tests/harness/stack';

/**
 * Two kinds of browser tests:
 * - `harness` (always): the built dist/module.js loaded by SystemJS into a host page made of Grafana's npm
 *   packages, fed by a real Prometheus backfilled from the simulator. Debian Chromium, no downloads.
 *   HARNESS_HOST=12.4|13.2 picks the host page (Grafana 12.4.10 / React 18 or 13.2.3 / React 19), and
 *   HARNESS_BACKEND=victoriametrics runs the core specs against VictoriaMetrics instead (see tests/harness/stack.ts).
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

const host = hostFromEnv();
const backend = backendFromEnv();
/** One folder and report per run, so npm test's runs (two hosts, two backends) keep theirs. */
const run = process.env.HARNESS_STACK ? `-${host.id}-${backend}` : '';

export default defineConfig<PluginOptions>({
  outputDir: `artifacts/playwright${run}`,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  // The machine is shared (2 cores, other engineers' suites): a wait for what a person would see gets 15 s, not 5.
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.HARNESS_REPORT ?? 'artifacts/playwright.json' }],
    ['html', { open: 'never', outputFolder: `artifacts/playwright-report${run}` }],
  ],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'harness',
      testDir: './tests/harness',
      ...(backend === 'prometheus' ? {} : { testMatch: CORE_SPECS.map((spec) => `**/${spec}`) }),
      metadata: { host: host.id, grafana: host.grafana, backend },
      use: { viewport: { width: 1280, height: 900 }, launchOptions: chromiumLaunch },
    },
    ...grafanaProjects,
  ],
  globalSetup: require.resolve('./tests/harness/globalSetup'),
});
