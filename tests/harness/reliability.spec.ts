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
