import { existsSync } from 'node:fs';
import path from 'node:path';

import { Page, expect, test } from '@playwright/test';

import { hostFromEnv } from '../hosts';
import type { HarnessConfig } from '../host/config';
import { harnessUrl } from '../launch';
import { ESNET_ID, ESNET_PANEL, PEERS_DIR } from './globalSetup';

const host = hostFromEnv();

async function open(page: Page, config: HarnessConfig) {
  const consoleErrors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(harnessUrl(process.env.HARNESS_URL!, config));
  await page.waitForFunction(() => window.harness !== undefined);
  await page.evaluate(() => window.harness.ready);
  return consoleErrors;
}

test(`the page is the Grafana ${host.grafana} host, and plugins get its React`, async ({ page }) => {
  await open(page, { panels: [] });
  const seen = await page.evaluate(async () => ({
    host: window.harness.host,
    // What a plugin's AMD `react` dependency resolves to.
    pluginReact: ((await System.import('react')) as { version: string }).version,
  }));
  expect(seen.host).toMatchObject({ id: host.id, grafana: host.grafana });
  expect(seen.host.react.split('.')[0]).toBe(host.react);
  expect(seen.pluginReact).toBe(seen.host.react);
});

// A panel using CustomScrollbar died with React error #130: webpack's .mjs interop handed CustomScrollbar the
// exports object of the CommonJS react-custom-scrollbars-2 instead of its component.
test('a panel using @grafana/ui CustomScrollbar renders its content inside the scroll area', async ({ page }) => {
  const errors = await open(page, {
    panels: [
      {
        pluginId: 'harness-test-panel',
        width: 480,
        height: 360,
        options: { scrollbar: true },
        targets: [{ refId: 'A', expr: 'pingmesh_pair_latency_seconds', instant: true }],
      },
    ],
  });
  const scrolled = page.getByTestId('test-panel-scrolled');
  await expect(scrolled.getByTestId('test-panel-field')).toHaveCount(12);
  // Inside the scroll view of react-custom-scrollbars (capped at 120 px), not in place of it.
  const viewHeight = await scrolled.evaluate((el) => el.parentElement!.getBoundingClientRect().height);
  expect(viewHeight).toBeLessThanOrEqual(120);
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => window.harness.errors.slice())).toEqual([]);
});

test('the ESnet Matrix Panel (a peer built with CustomScrollbar) draws one cell per source × target', async ({
  page,
}) => {
  // The peer is a build shared beside the repository (../shared/peers), not a package anything can install: where it is
  // absent the skip is reported by name, and the CustomScrollbar interop stays tested by the fixture panel above.
  test.skip(
    !existsSync(path.join(PEERS_DIR, ESNET_ID, 'module.js')),
    `the ESnet peer build is not in ${PEERS_DIR}/${ESNET_ID} (set PEERS_DIR)`
  );
  const errors = await open(page, {
    panels: [
      {
        pluginId: ESNET_ID,
        width: 600,
        height: 480,
        // Its README's options for drawing every cell of a long-form table.
        ...ESNET_PANEL,
        targets: [{ refId: 'A', expr: 'pingmesh_pair_latency_seconds', format: 'table', instant: true }],
      },
    ],
  });
  // 4 sources × 4 targets (the self-pairs drawn empty).
  await expect(page.getByTestId('harness-panel-0').locator('svg rect')).toHaveCount(16);
  await expect(page.getByTestId('harness-panel-crash')).toHaveCount(0);
  // The peer's own noise, not the host's: it console.errors "no data" on the first (loading) render and then calls
  // its hooks in a different order once data arrives (React reports both).
  const peerOwn = [/^no data$/, /change in the order of Hooks/, /Expected static flag was missing/];
  expect(errors.filter((e) => !peerOwn.some((re) => re.test(e)))).toEqual([]);
});
