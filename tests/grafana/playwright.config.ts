import type { PluginOptions } from '@grafana/plugin-e2e';
import { defineConfig, devices } from '@playwright/test';
import { dirname, join } from 'node:path';

/**
 * `npm run e2e`: @grafana/plugin-e2e specs against a real Grafana with the provisioned stack (docker compose up), e.g.
 *   npm run build && docker compose up -d && GRAFANA_URL=http://localhost:3000 npm run e2e
 * Separate from the root playwright.config.ts, whose global setup starts the harness' Prometheus stacks.
 * Browser: Playwright's Chromium (`npx playwright install --with-deps chromium`), or CHROMIUM_PATH (e.g. Debian's).
 */
const grafanaUrl = process.env.GRAFANA_URL;
if (!grafanaUrl) {
  throw new Error(
    'GRAFANA_URL is not set. Start Grafana (npm run build && docker compose up -d), then: GRAFANA_URL=http://localhost:3000 npm run e2e'
  );
}

const root = join(__dirname, '..', '..');
const chromiumPath = process.env.CHROMIUM_PATH;
const launchOptions = chromiumPath
  ? {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    }
  : undefined;

export default defineConfig<PluginOptions>({
  testDir: __dirname,
  outputDir: join(root, 'artifacts', 'grafana-e2e'),
  globalSetup: require.resolve('./globalSetup'),
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: join(root, 'artifacts', 'grafana-e2e.json') }],
    ['html', { open: 'never', outputFolder: join(root, 'artifacts', 'grafana-e2e-report') }],
  ],
  use: {
    baseURL: grafanaUrl,
    provisioningRootDir: join(root, 'provisioning'),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1600, height: 1000 },
  },
  projects: [
    // plugin-e2e's login: writes playwright/.auth/<user>.json under the working directory.
    { name: 'auth', testDir: join(dirname(require.resolve('@grafana/plugin-e2e')), 'auth'), testMatch: [/.*\.js/] },
    {
      name: 'grafana',
      testMatch: /.*\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1600, height: 1000 },
        storageState: join(process.cwd(), 'playwright', '.auth', 'admin.json'),
        ...(launchOptions ? { launchOptions } : {}),
      },
      dependencies: ['auth'],
    },
  ],
});
