import { Page, expect, test } from '@playwright/test';

import { harnessEnv } from './env';
import { TEST_IDS, cellColours, latencyTable, openHarness } from './helpers';

const env = harnessEnv();
const lossTable = { ...latencyTable, refId: 'B', expr: 'pingmesh_pair_loss_ratio' };

async function refresh(page: Page) {
  await page.evaluate(() => (window as unknown as { harness: { refresh(): Promise<void> } }).harness.refresh());
}

test.describe('errors surface, and the last good matrix stays', () => {
  for (const [name, fail] of [
    ['Prometheus answers 503', (p: Page) => p.route('**/api/prom/**', (r) => r.fulfill({ status: 503, body: 'down' }))],
    ['the data source times out', (p: Page) => p.route('**/api/prom/**', (r) => r.abort('timedout'))],
  ] as const) {
    test(`${name}: the matrix is kept, dimmed and marked stale, with the error; it recovers on the next good refresh`, async ({
      page,
    }) => {
      const errors = await openHarness(page, env, [{ targets: [latencyTable] }]);
      const before = await cellColours(page);
      await fail(page);
      await refresh(page);
      const banner = page.getByTestId(TEST_IDS.dataIssue);
      await expect(banner).toContainText('Query failed');
      await expect(banner).toContainText('Showing the last good data from');
      await expect(page.locator('[data-stale]')).toHaveCount(1);
      // The same matrix, not a blank panel or a "No data" message.
      expect((await cellColours(page)).colours).toEqual(before.colours);
      await expect(page.getByTestId(TEST_IDS.message)).toHaveCount(0);

      await page.unrouteAll();
      await refresh(page);
      await expect(banner).toHaveCount(0);
      await expect(page.locator('[data-stale]')).toHaveCount(0);
      // The browser logs the failed requests themselves; nothing else went wrong.
      expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    });
  }

  test('a partial response (the loss query fails) draws the new matrix and says which query failed', async ({
    page,
  }) => {
    await openHarness(page, env, [{ targets: [latencyTable, lossTable] }]);
    await page.route('**/api/prom/**', (route) =>
      route.request().url().includes('loss_ratio')
        ? route.fulfill({
            status: 422,
            contentType: 'application/json',
            body: JSON.stringify({
              status: 'error',
              errorType: 'execution',
              error: 'query timed out in expression evaluation',
            }),
          })
        : route.continue()
    );
    await refresh(page);
    const banner = page.getByTestId(TEST_IDS.dataIssue);
    await expect(banner).toContainText('Partial data, a query failed (B:');
    await expect(banner).toContainText('query timed out');
    await expect(page.locator('[data-stale]')).toHaveCount(0);
    await expect(page.getByTestId(TEST_IDS.canvas)).toBeVisible();
  });

  test('a failure before any good data shows the error instead of a matrix', async ({ page }) => {
    await page.route('**/api/prom/**', (r) => r.fulfill({ status: 503, body: 'down' }));
    await openHarness(page, env, [{ targets: [latencyTable] }]);
    await expect(page.getByTestId(TEST_IDS.message)).toContainText('Query failed');
    await expect(page.getByTestId(TEST_IDS.canvas)).toHaveCount(0);
  });
});

test.describe('cardinality guard', () => {
  test('4,000 hosts: a ToR × ToR view instead of a freeze, and the page keeps answering within 200 ms', async ({
    page,
  }) => {
    const errors = await openHarness(page, env, [{ targets: [latencyTable] }]);
    // While the panel builds, no main-thread task may last 200 ms: that is the longest any input would wait. Chrome
    // reports every task over 50 ms (Long Tasks API). Before the build, the harness generates and prepares 166k rows
    // in one go, as Grafana's data source would: that is not the panel's work and is not counted.
    await page.evaluate(() => {
      const w = window as unknown as { tasks: Array<[number, number]> };
      w.tasks = [];
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => w.tasks.push([e.startTime, e.duration]))
      ).observe({ type: 'longtask', buffered: false });
    });
    const started = Date.now();
    await page.evaluate(() =>
      (window as unknown as { harness: { render(c: object): Promise<void> } }).harness.render({
        theme: 'dark',
        panels: [
          {
            pluginId: 'netobs-pingmesh-panel',
            width: 1000,
            height: 820,
            synthetic: { module: '/fixtures/bigMesh.mjs', args: { hosts: 4000 } },
            options: { levels: 'dc,tor' },
          },
        ],
      })
    );
    await expect(page.getByTestId(TEST_IDS.canvas)).toBeVisible();
    await page.waitForTimeout(200);
    const { tasks, building } = await page.evaluate(() => {
      const w = window as unknown as { tasks: Array<[number, number]> };
      const start = performance.getEntriesByName('pingmesh:build-start').at(-1)!.startTime;
      const end = performance.getEntriesByName('pingmesh:build-end').at(-1)!.startTime;
      // Tasks that ran while building, up to the first draw of the result.
      return {
        tasks: w.tasks.filter(([t, d]) => t + d > start && t < end + 100).map(([, d]) => d),
        building: end - start,
      };
    });
    const worst = Math.max(0, ...tasks);
    console.log(
      `4,000 hosts (166k rows): on screen after ${Date.now() - started} ms; built in slices over ${building.toFixed(0)} ms; longest task meanwhile ${worst.toFixed(0)} ms (${tasks.length} over 50 ms)`
    );
    expect(worst).toBeLessThan(200);

    await expect(page.getByTestId(TEST_IDS.notices)).toContainText(
      '4,000 hosts is more than Max hosts (2,500): showing tor × tor'
    );
    const layout = JSON.parse((await page.getByTestId(TEST_IDS.canvas).getAttribute('data-layout'))!);
    // Opened at the DC level (10 DCs); the slow ToR's DC is over SLA.
    expect(layout.rows).toBe(10);
    const items = await page
      .getByTestId(TEST_IDS.legendItem)
      .evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.status, (e as HTMLElement).dataset.count]));
    expect(Object.fromEntries(items)['7']).not.toBe('0');
    expect(errors).toEqual([]);
  });
});
