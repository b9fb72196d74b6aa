import { expect, test } from '@playwright/test';

import { harnessEnv } from './env';
import { TEST_IDS, axisOrder, cellColours, hoverCell, latencyTable, openHarness } from './helpers';

const env = harnessEnv();
const culprit = env.hosts.find((h) => h.tor === env.culpritTor)!;
const peer = env.hosts.find((h) => h.tor !== env.culpritTor)!;

/** Label values that would run or reshape the page if they ever reached HTML unescaped. */
const HOSTILE = [
  `<img src=x onerror="window.__pwned=1">`,
  `"><script>window.__pwned=2</script>`,
  `'; window.__pwned=3; '`,
  `\u202Eevil\u202C-host \u05D0\u05D1`,
  `big-${'x'.repeat(10_000)}`,
];

test.describe('hostile label values from real Prometheus are text everywhere', () => {
  for (const [i, value] of HOSTILE.entries()) {
    test(`label ${i + 1} (${value.length} chars) stays text: axes, tooltip, worst list, menu, pair view`, async ({
      page,
    }) => {
      // Prometheus itself returns the value: the culprit host's source label rewritten.
      const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
      const target = {
        ...latencyTable,
        // Only that host's probes: its row is the matrix, so it fills the worst-pairs list too.
        expr: `label_replace(pingmesh_pair_latency_seconds{src="${culprit.name}"}, "src", "${escaped}", "src", "${culprit.name}")`,
      };
      const errors = await openHarness(page, env, [
        { targets: [target], width: 1300, options: { display: { worstPairs: 5 } } },
      ]);
      const rows = await axisOrder(page, TEST_IDS.rowLabel);
      const cols = await axisOrder(page, TEST_IDS.colLabel);
      expect(rows.has(value), 'axis label text').toBe(true);

      const { layout } = await cellColours(page);
      await hoverCell(page, layout, rows.get(value)!, cols.get(peer.name)!);
      await expect(page.getByTestId(TEST_IDS.tooltipSource)).toHaveText(value);

      const listed = await page
        .getByTestId(TEST_IDS.worstItem)
        .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.source));
      expect(listed).toContain(value);

      await page.getByTestId(TEST_IDS.canvas).click({
        position: { x: (cols.get(peer.name)! + 0.5) * layout.cellW, y: (rows.get(value)! + 0.5) * layout.cellH },
        button: 'right',
      });
      await expect(page.getByTestId(TEST_IDS.menu)).toHaveText(`${value} → ${peer.name}`);
      await page.keyboard.press('Escape');

      await page.getByTestId(TEST_IDS.canvas).click({
        position: { x: (cols.get(peer.name)! + 0.5) * layout.cellW, y: (rows.get(value)! + 0.5) * layout.cellH },
      });
      const view = page.getByTestId(TEST_IDS.pairView);
      await expect(view.getByRole('heading')).toHaveText(`${value} ⇄ ${peer.name}`);
      // The pair's range query carries the label: a 10 kB value makes the GET too long for Prometheus (HTTP 431) —
      // the pair view says so instead of failing silently. (Grafana's data source sends POST by default.)
      await expect(
        view.getByTestId(TEST_IDS.pairSeries).first().or(view.getByTestId(TEST_IDS.pairError))
      ).toBeVisible();

      // Nothing ran, nothing was injected.
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(
        await page.locator('[data-testid="harness-panel-0"] img, [data-testid="harness-panel-0"] script').count()
      ).toBe(0);
      // The browser logs the 431 response itself (label 5); nothing else may reach the console.
      expect(errors.filter((e) => !e.includes('status of 431'))).toEqual([]);
    });
  }
});
