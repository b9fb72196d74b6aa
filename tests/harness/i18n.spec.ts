import { Page, expect, test } from '@playwright/test';

import { Status } from '../../src/model/sla';
import { harnessEnv } from './env';
import { TEST_IDS, axisOrder, cellColours, hoverCell, latencyTable, openHarness } from './helpers';
import { snap } from './snap';

const env = harnessEnv();
const culprits = env.hosts.filter((h) => h.tor === env.culpritTor);
const healthy = env.hosts.filter((h) => h.tor !== env.culpritTor);
const legendItem = (page: Page, status: number) =>
  page.locator(`[data-testid="${TEST_IDS.legendItem}"][data-status="${status}"]`);

test.describe('the panel speaks the user’s language: zh-Hans, real bundle, real Prometheus', () => {
  // Grafana 12.2+ adds plugin.json's locales/<lang>/<id>.json to i18next before module.js loads; older Grafana
  // leaves it to the plugin, whose own loader fetches its bundled copy. Both paths, in the real bundle.
  for (const grafanaVersion of ['12.4.10', '12.0.0']) {
    test(`Grafana ${grafanaVersion}: legend, tooltip and footer warning in Chinese`, async ({ page }) => {
      const requests: string[] = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      const errors = await openHarness(page, env, [{ targets: [latencyTable] }], 'dark', {
        language: 'zh-Hans',
        grafanaVersion,
      });
      // Legend: state names and the list's name.
      await expect(page.getByRole('list', { name: '主机对状态' })).toBeVisible();
      await expect(legendItem(page, Status.OK)).toContainText('正常');
      await expect(legendItem(page, Status.Breach)).toContainText('超出 SLA');
      await expect(legendItem(page, Status.Breach)).toHaveAttribute('title', '超出 SLA：276 对主机');
      // Footer: the unit conversion notice.
      await expect(page.getByTestId(TEST_IDS.notices)).toContainText('数值已从 s 换算为 ms。');
      // Tooltip of a breached pair: state and threshold; the value keeps Grafana's unit formatting.
      const { layout } = await cellColours(page);
      const rows = await axisOrder(page, TEST_IDS.rowLabel);
      const cols = await axisOrder(page, TEST_IDS.colLabel);
      await hoverCell(page, layout, rows.get(culprits[0].name)!, cols.get(healthy[0].name)!);
      await expect(page.getByTestId(TEST_IDS.tooltipState)).toHaveText('超出 SLA（≥ 100 ms）');
      await expect(page.getByTestId(TEST_IDS.tooltipValue)).toHaveText(/^[\d.]+ ms$/);
      if (grafanaVersion === '12.4.10') {
        await snap(page.getByTestId('harness-panel-0'), 'zh-hans');
      }
      // Which side loaded the translations.
      const hostFetched = requests.some((p) => p.endsWith('/locales/zh-Hans/netobs-pingmesh-panel.json'));
      expect(hostFetched).toBe(grafanaVersion === '12.4.10');
      expect(errors).toEqual([]);
    });
  }

  test('a data warning in Chinese: wrong labels name what is missing and what was seen', async ({ page }) => {
    const errors = await openHarness(
      page,
      env,
      [
        {
          targets: [latencyTable],
          options: { queries: { preset: 'custom', sourceLabel: 'source', destinationLabel: 'dst' } },
        },
      ],
      'dark',
      { language: 'zh-Hans' }
    );
    await expect(page.getByTestId(TEST_IDS.message)).toContainText('没有序列带有标签 `source`；已有的标签：');
    await expect(page.getByTestId(TEST_IDS.message)).toContainText('`src_tor`');
    expect(errors).toEqual([]);
  });

  test('a language the panel does not have falls back to English', async ({ page }) => {
    const errors = await openHarness(page, env, [{ targets: [latencyTable] }], 'dark', { language: 'de-DE' });
    await expect(legendItem(page, Status.OK)).toContainText('OK');
    await expect(page.getByRole('list', { name: 'Pair states' })).toBeVisible();
    expect(errors).toEqual([]);
  });
});
