import { expect, test } from '@playwright/test';

import { Status } from '../../src/model/sla';
import { harnessEnv } from './env';
import {
  TEST_IDS,
  expectShows,
  axisOrder,
  cellColours,
  hoverCell,
  latencyTable,
  openHarness,
  promInstant,
  statusColour,
} from './helpers';
import { snap } from './snap';

const env = harnessEnv().spine;
const dc = env.culpritDc;
const otherDcs = Object.keys(env.tors).filter((d) => d !== dc);

// 4 ms SLA: intra-DC pairs (≤ 1.5 ms) pass, the lossy spine's 5–15 ms pairs breach.
const panel = {
  targets: [latencyTable],
  // Judged by the Thresholds option below, not per-scope SLAs: one 4 ms SLA for every pair.
  options: { grouping: { levels: 'dc,tor', startLevel: 'dc' }, sla: { mode: 'thresholds' } },
  fieldConfig: {
    defaults: {
      thresholds: {
        mode: 'absolute',
        steps: [
          { value: -Infinity, color: 'green' },
          { value: 4, color: 'red' },
        ],
      },
    },
  },
};
const group = (name: string) => `▸ ${name}`;

test.describe('spine loss in one DC, grouped DC × DC, from real Prometheus', () => {
  test('only the failing DC’s own cell is in breach, and its tooltip counts the pairs', async ({ page }) => {
    const errors = await openHarness(page, env, [panel]);
    const rows = await axisOrder(page, TEST_IDS.rowLabel);
    const cols = await axisOrder(page, TEST_IDS.colLabel);
    expect([...rows.keys()].sort()).toEqual(Object.keys(env.tors).map(group).sort());
    const { layout, colours } = await cellColours(page);
    const red = await statusColour(page, Status.Breach);
    const green = await statusColour(page, Status.OK);
    expect(colours[rows.get(group(dc))!][cols.get(group(dc))!]).toBe(red);
    for (const other of otherDcs) {
      expect(colours[rows.get(group(other))!][cols.get(group(other))!], other).toBe(green);
    }

    await hoverCell(page, layout, rows.get(group(dc))!, cols.get(group(dc))!);
    const tooltip = page.getByTestId(TEST_IDS.tooltip);
    const sel = `pingmesh_pair_latency_seconds{src_dc="${dc}",dst_dc="${dc}"}`;
    const [all] = await promInstant(env, `count(${sel})`);
    const [over] = await promInstant(env, `count(${sel} >= 0.004)`);
    const [worst] = await promInstant(env, `max(${sel})`);
    await expect(tooltip.getByTestId(TEST_IDS.tooltipPairs)).toHaveText(
      `${over.value} of ${all.value} pairs over SLA (≥ 4 ms)`
    );
    expect(over.value).toBeGreaterThan(0);
    const shown = await tooltip.getByTestId(TEST_IDS.tooltipValue).textContent();
    expect(shown).toMatch(/^Worst: [\d.]+ ms$/);
    expectShows(shown!.slice('Worst: '.length), worst.value * 1000);
    expect(errors).toEqual([]);
  });

  test('expanding the failing DC shows the spine pattern at ToR level, and survives a refresh', async ({ page }) => {
    await openHarness(page, env, [panel]);
    await page
      .getByTestId(TEST_IDS.rowLabel)
      .filter({ hasText: group(dc) })
      .click();
    const tors = env.tors[dc];
    const check = async () => {
      const rows = await axisOrder(page, TEST_IDS.rowLabel);
      const cols = await axisOrder(page, TEST_IDS.colLabel);
      for (const t of tors) {
        expect(rows.has(group(t)), t).toBe(true);
      }
      const { colours } = await cellColours(page);
      const red = await statusColour(page, Status.Breach);
      const green = await statusColour(page, Status.OK);
      for (const a of tors) {
        for (const b of tors) {
          // inside one ToR the spine is not crossed; between ToRs of the DC it is
          expect(colours[rows.get(group(a))!][cols.get(group(b))!], `${a} × ${b}`).toBe(a === b ? green : red);
        }
      }
    };
    await check();
    await expect(page.getByTestId(TEST_IDS.groupHeader).filter({ hasText: dc }).first()).toBeVisible();
    await snap(page.getByTestId('harness-panel-0'), 'spine-loss-expanded');

    await page.evaluate(() =>
      (window as unknown as { harness: { refresh(i: number): Promise<void> } }).harness.refresh(0)
    );
    await check();

    // the header band collapses it again
    await page.getByTestId(TEST_IDS.groupHeader).filter({ hasText: dc }).first().click();
    await expect(page.getByTestId(TEST_IDS.rowLabel).filter({ hasText: group(dc) })).toHaveCount(1);
  });

  test('clicking a group cell zooms into group × group with a breadcrumb back', async ({ page }) => {
    await openHarness(page, env, [panel]);
    const rows = await axisOrder(page, TEST_IDS.rowLabel);
    const cols = await axisOrder(page, TEST_IDS.colLabel);
    const { layout } = await cellColours(page);
    const other = otherDcs[0];
    await hoverCell(page, layout, rows.get(group(dc))!, cols.get(group(other))!);
    await page.mouse.down();
    await page.mouse.up();
    const crumb = page.getByTestId(TEST_IDS.breadcrumb);
    await expect(crumb).toContainText(`All›${dc} × ${other}`);
    const zoomedRows = await axisOrder(page, TEST_IDS.rowLabel);
    const zoomedCols = await axisOrder(page, TEST_IDS.colLabel);
    expect([...zoomedRows.keys()].sort()).toEqual(env.tors[dc].map(group).sort());
    expect([...zoomedCols.keys()].sort()).toEqual(env.tors[other].map(group).sort());
    await crumb.getByRole('button', { name: 'All' }).click();
    await expect(crumb).toHaveCount(0);
    expect((await axisOrder(page, TEST_IDS.rowLabel)).size).toBe(Object.keys(env.tors).length);
  });
});
