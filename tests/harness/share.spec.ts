import { expect, test } from '@playwright/test';

import { Status } from '../../src/model/sla';
import { harnessEnv } from './env';
import {
  TEST_IDS,
  axisOrder,
  cellColours,
  hoverCell,
  failTable,
  latencyTable,
  lossTable,
  openHarness,
  promInstant,
  statusColour,
} from './helpers';

const env = harnessEnv();
const group = (name: string) => `▸ ${name}`;
const panel = (aggregation: string) => ({
  targets: [latencyTable, lossTable, failTable],
  options: { grouping: { levels: 'region,dc,az,tor', startLevel: 'dc', aggregation } },
});

test.describe('group cells by share of pairs over SLA: a ToR down, DC × DC, real Prometheus', () => {
  const culpritDc = env.hosts.find((h) => h.tor === env.culpritTor)!.dc;
  const dcs = [...new Set(env.hosts.map((h) => h.dc))];

  test('worst pair paints every DC cell touching the ToR as failed; the share tells the failing DC apart', async ({
    page,
  }) => {
    const errors = await openHarness(page, env, [panel('max')]);
    const rows = await axisOrder(page, TEST_IDS.rowLabel);
    const cols = await axisOrder(page, TEST_IDS.colLabel);
    const failed = await statusColour(page, Status.Failed);
    const worst = (await cellColours(page, 0, 0.15)).colours;
    for (const other of dcs) {
      expect(worst[rows.get(group(culpritDc))!][cols.get(group(other))!], other).toBe(failed);
    }

    await page.evaluate(() =>
      (window as unknown as { harness: { update(i: number, p: object): Promise<void> } }).harness.update(0, {
        options: { grouping: { aggregation: 'share' } },
      })
    );
    const { layout, colours } = await cellColours(page, 0, 0.15);
    const ok = await statusColour(page, Status.OK);
    const at = (a: string, b: string) => colours[rows.get(group(a))!][cols.get(group(b))!];
    // The failing DC's own cell is neither the OK colour nor the failed one; a DC pair without the ToR is OK.
    expect(at(culpritDc, culpritDc)).not.toBe(ok);
    expect(at(culpritDc, culpritDc)).not.toBe(failed);
    const quiet = dcs.filter((d) => d !== culpritDc);
    expect(at(quiet[0], quiet[1])).toBe(ok);

    // The tooltip says the share, from the same counts Prometheus has.
    const sel = `pingmesh_pair_fail{src_dc="${culpritDc}",dst_dc="${culpritDc}"}`;
    const [bad] = await promInstant(env, `count(${sel})`);
    const [all] = await promInstant(
      env,
      `count(pingmesh_pair_latency_seconds{src_dc="${culpritDc}",dst_dc="${culpritDc}"} or ${sel})`
    );
    await hoverCell(page, layout, rows.get(group(culpritDc))!, cols.get(group(culpritDc))!);
    const tooltip = page.getByTestId(TEST_IDS.tooltip);
    await expect(tooltip.getByTestId(TEST_IDS.tooltipValue)).toHaveText(
      `Over SLA: ${Math.round((100 * bad.value) / all.value)}%`
    );
    await expect(tooltip.getByTestId(TEST_IDS.tooltipPairs)).toContainText(`of ${all.value} pairs`);
    expect(errors).toEqual([]);
  });
});
