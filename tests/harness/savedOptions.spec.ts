import { Page, expect, test } from '@playwright/test';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { harnessEnv } from './env';
import {
  TEST_IDS,
  axisOrder,
  cellColours,
  failTable,
  hoverCell,
  latencyTable,
  lossTable,
  openHarness,
} from './helpers';

/**
 * Saved dashboards of every shape the panel meets, on the real bundle: options as plugin 0.1 saved them (flat), as a
 * hand or an API client edited them (values of the wrong type, sections that are not sections, `__proto__` keys), and
 * nested. The harness runs the plugin's migration handler as Grafana does (no pluginVersion saved), then the panel's
 * normaliser: every shape draws a matrix, names what it could not use, and nothing crashes.
 */
const env = harnessEnv();
/** Every provisioned panel's options as plugin 0.1 saved them (the migration's snapshot fixture). */
const provisioned01 = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'src', 'options', '__fixtures__', 'provisioned-0.1.json'), 'utf8')
);
const targets = [latencyTable, lossTable, failTable];
const dcs = [...new Set(env.hosts.map((h) => h.dc))];

async function open(page: Page, options: Record<string, unknown>) {
  const errors = await openHarness(page, env, [{ targets, options }]);
  await expect(page.getByTestId(TEST_IDS.canvas)).toBeVisible();
  await expect(page.getByTestId('harness-panel-crash')).toHaveCount(0);
  return errors;
}

test.describe('saved dashboards of any shape render, and name what they cannot use', () => {
  test('the overview panel as plugin 0.1 saved it (flat options): DC × DC with the loss and failure queries', async ({
    page,
  }) => {
    const flat = provisioned01['dashboard.json']['Pair latency: DC × DC (click a DC to expand it, a cell to zoom in)'];
    const errors = await open(page, flat);
    const rows = await axisOrder(page, TEST_IDS.rowLabel);
    expect([...rows.keys()].sort()).toEqual(dcs.map((dc) => `▸ ${dc}`).sort());
    await expect(page.getByTestId(TEST_IDS.notices)).not.toContainText('is not valid');
    expect(errors).toEqual([]);
  });

  test('hand-edited values of the wrong type: named in the footer, the rest drawn; the cell menu still opens', async ({
    page,
  }) => {
    // Broke: each of these crashed the panel (`.split` / `.trim` is not a function).
    const errors = await open(page, {
      grouping: { hostOrder: 5, levels: null, topologyRefIds: { B: 1 } },
      display: { changedSince: 5 },
      drill: { sourceVariable: 42 },
    });
    const footer = page.getByTestId(TEST_IDS.notices);
    for (const name of [
      'Host order `5`',
      'Group by `null`',
      'Topology queries',
      'Highlight changes `5`',
      'Source variable `42`',
    ]) {
      await expect(footer).toContainText(name);
    }
    const { layout } = await cellColours(page);
    await page.getByTestId(TEST_IDS.canvas).click({
      position: { x: 1.5 * layout.cellW, y: 0.5 * layout.cellH },
      button: 'right',
    });
    await expect(page.getByTestId(TEST_IDS.menu)).toBeVisible();
    await expect(page.getByTestId(`${TEST_IDS.menuItem}-vars`)).toHaveCount(0);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  test('an old flat dashboard edited by hand: bogus aggregation and list size named, group cells say what they are', async ({
    page,
  }) => {
    // Broke: aggregation "bogus" printed "bogus: 0 ms" in every group cell's tooltip.
    const errors = await open(page, {
      levels: 'region,dc,az,tor',
      startLevel: 'dc',
      aggregation: 'bogus',
      worstPairs: 'abc',
      hostOrder: 5,
    });
    const footer = page.getByTestId(TEST_IDS.notices);
    await expect(footer).toContainText('Group cell value `bogus` is not valid');
    await expect(footer).toContainText('Worst pairs list `abc` is not valid');
    await expect(footer).toContainText('Host order `5` is not valid');
    const { layout } = await cellColours(page);
    await hoverCell(page, layout, 0, 1);
    await expect(page.getByTestId(TEST_IDS.tooltipValue)).toHaveText(/^Worst: /);
    expect(errors).toEqual([]);
  });

  test('sections that are not sections, and __proto__ / constructor as names and values', async ({ page }) => {
    // As JSON.parse gives them: `__proto__` an own key, never the object's prototype.
    const options = JSON.parse(
      '{"queries": "A", "grouping": [1, 2], "display": null, "reducer": "constructor", "drill": {"sourceVariable": "constructor"},' +
        ' "sla": {"scopes": {"__proto__": {"latencyWarn": 1, "latencyBreach": 2, "lossWarn": 0, "lossBreach": 0}}}}'
    );
    const errors = await open(page, options);
    const footer = page.getByTestId(TEST_IDS.notices);
    await expect(footer).toContainText('Pairs `A` is not valid (a group of options)');
    await expect(footer).toContainText('Grouping `[1,2]` is not valid');
    await expect(footer).toContainText('Display `null` is not valid');
    // A host × host matrix of every host, judged by the field thresholds.
    const rows = await axisOrder(page, TEST_IDS.rowLabel);
    expect(rows.size).toBe(env.hosts.length);
    expect(await page.evaluate(() => 'latencyWarn' in {})).toBe(false);
    expect(errors).toEqual([]);
  });

  test('nested options as the editor saves them: the topology multi-select and a refId picked', async ({ page }) => {
    const errors = await open(page, {
      queries: { preset: 'topology', lossRefId: 'B', failRefId: 'C' },
      grouping: { levels: 'region,dc', startLevel: 'host', topologyRefIds: [] },
      display: { showSearch: true, worstPairs: 3 },
    });
    await expect(page.getByTestId(TEST_IDS.worstItem)).toHaveCount(3);
    await expect(page.getByTestId(TEST_IDS.notices)).not.toContainText('is not valid');
    expect(errors).toEqual([]);
  });
});
