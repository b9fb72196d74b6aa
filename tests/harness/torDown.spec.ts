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

const env = harnessEnv();
const culprits = env.hosts.filter((h) => h.tor === env.culpritTor);
const healthy = env.hosts.filter((h) => h.tor !== env.culpritTor);

test.describe('ToR down, from real Prometheus, in the real bundle', () => {
  test('the bundle loads through SystemJS and renders with no console errors', async ({ page }) => {
    const errors = await openHarness(page, env, [{ targets: [latencyTable] }]);
    await expect(page.getByTestId(TEST_IDS.canvas)).toBeVisible();
    // the panel really came from dist/module.js via SystemJS, not from the host bundle
    const moduleRequested = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .some((e) => e.name.endsWith('/public/plugins/netobs-pingmesh-panel/module.js'))
    );
    expect(moduleRequested).toBe(true);
    expect(errors).toEqual([]);
    const harnessErrors = await page.evaluate(
      () => (window as unknown as { harness: { errors: string[] } }).harness.errors
    );
    expect(harnessErrors).toEqual([]);
  });

  test('the failing ToR’s rows and columns are the breach colour; a healthy pair is the OK colour', async ({
    page,
  }) => {
    await openHarness(page, env, [{ targets: [latencyTable] }]);
    const { layout, colours } = await cellColours(page);
    expect(layout.rows).toBe(env.hosts.length);
    const rows = await axisOrder(page, TEST_IDS.rowLabel);
    const cols = await axisOrder(page, TEST_IDS.colLabel);
    expect(rows.size).toBe(env.hosts.length);

    const red = await statusColour(page, Status.Breach);
    const green = await statusColour(page, Status.OK);
    for (const bad of culprits) {
      for (const other of env.hosts) {
        if (other.name === bad.name) {
          continue;
        }
        expect(colours[rows.get(bad.name)!][cols.get(other.name)!], `${bad.name} → ${other.name}`).toBe(red);
        expect(colours[rows.get(other.name)!][cols.get(bad.name)!], `${other.name} → ${bad.name}`).toBe(red);
      }
    }
    // Two healthy hosts in one DC: intra-DC latency is well under the 10 ms warning threshold.
    const a = healthy[0];
    const b = healthy.find((h) => h.dc === a.dc && h.name !== a.name)!;
    expect(colours[rows.get(a.name)!][cols.get(b.name)!]).toBe(green);
    // No healthy pair anywhere is red.
    const redHealthy = healthy.flatMap((s) =>
      healthy
        .filter((d) => d !== s && colours[rows.get(s.name)!][cols.get(d.name)!] === red)
        .map((d) => `${s.name}→${d.name}`)
    );
    expect(redHealthy).toEqual([]);
  });

  test('hovering a cell shows its source, destination and the value Prometheus has', async ({ page }) => {
    await openHarness(page, env, [{ targets: [latencyTable] }]);
    const { layout } = await cellColours(page);
    const rows = await axisOrder(page, TEST_IDS.rowLabel);
    const cols = await axisOrder(page, TEST_IDS.colLabel);
    const src = culprits[0].name;
    const dst = healthy[healthy.length - 1].name;
    await hoverCell(page, layout, rows.get(src)!, cols.get(dst)!);

    const tooltip = page.getByTestId(TEST_IDS.tooltip);
    await expect(tooltip).toBeVisible();
    await expect(tooltip.getByTestId(TEST_IDS.tooltipSource)).toHaveText(src);
    await expect(tooltip.getByTestId(TEST_IDS.tooltipDestination)).toHaveText(dst);
    await expect(tooltip.getByTestId(TEST_IDS.tooltipState)).toHaveText('Over SLA (≥ 100 ms)');

    const [truth] = await promInstant(env, `pingmesh_pair_latency_seconds{src="${src}",dst="${dst}"}`);
    const shown = await tooltip.getByTestId(TEST_IDS.tooltipValue).textContent();
    expect(shown).toMatch(/^[\d.]+ ms$/);
    expectShows(shown!, truth.value * 1000);
  });

  test('the pingmesh-agent format (breaches only) is auto-detected and shows the same ToR', async ({ page }) => {
    const agent = {
      refId: 'A',
      expr: 'max by (instance, target) (pingmesh_duration_milliseconds)',
      format: 'table',
      instant: true,
    };
    await openHarness(page, env, [{ targets: [agent] }]);
    await expect(page.getByTestId(TEST_IDS.notices)).toContainText('Detected: kubeservice pingmesh-agent');
    const { colours } = await cellColours(page);
    const rows = await axisOrder(page, TEST_IDS.rowLabel);
    const cols = await axisOrder(page, TEST_IDS.colLabel);
    const red = await statusColour(page, Status.Breach);
    const bad = culprits[0];
    const peer = healthy[0];
    // instance="10.x.y.z:9115" and target="10.x.y.z" are the same host once the port is stripped
    expect(rows.has(bad.ip)).toBe(true);
    expect(colours[rows.get(bad.ip)!][cols.get(peer.ip)!]).toBe(red);
    expect(colours[rows.get(peer.ip)!][cols.get(bad.ip)!]).toBe(red);
  });

  test('light theme: the OK colour is the light theme’s green', async ({ page }) => {
    await openHarness(page, env, [{ targets: [latencyTable] }], 'light');
    const { colours } = await cellColours(page);
    const rows = await axisOrder(page, TEST_IDS.rowLabel);
    const cols = await axisOrder(page, TEST_IDS.colLabel);
    const a = healthy[0];
    const b = healthy.find((h) => h.dc === a.dc && h.name !== a.name)!;
    expect(colours[rows.get(a.name)!][cols.get(b.name)!]).toBe(await statusColour(page, Status.OK));
  });
});

test.describe('messages instead of a broken panel', () => {
  test('a query with no series shows a no-data message', async ({ page }) => {
    const errors = await openHarness(page, env, [{ targets: [{ ...latencyTable, expr: 'pingmesh_no_such_metric' }] }]);
    await expect(page.getByTestId(TEST_IDS.message)).toContainText(/no data/i);
    expect(errors).toEqual([]);
  });

  test('wrong labels name what is missing and what was seen', async ({ page }) => {
    await openHarness(page, env, [
      {
        targets: [latencyTable],
        options: { queries: { preset: 'custom', sourceLabel: 'source', destinationLabel: 'dst' } },
      },
    ]);
    await expect(page.getByTestId(TEST_IDS.message)).toContainText('No series has label `source`; labels seen:');
    await expect(page.getByTestId(TEST_IDS.message)).toContainText('`src_tor`');
  });

  // Regression: a 50 × 50 px panel drew a 46 × 3 px matrix with no message.
  test('a panel too small for the cells says so; a larger one beside it draws the matrix', async ({ page }) => {
    const errors = await openHarness(page, env, [
      { targets: [latencyTable], width: 50, height: 50 },
      { targets: [latencyTable], width: 240, height: 200 },
    ]);
    const small = page.getByTestId('harness-panel-0');
    await expect(small.getByTestId(TEST_IDS.tooSmall)).toHaveText('Panel too small');
    await expect(small.getByTestId(TEST_IDS.tooSmall)).toHaveAttribute('title', /^At 50 × 50 px/);
    await expect(small.getByTestId(TEST_IDS.canvas)).toHaveCount(0);
    const larger = page.getByTestId('harness-panel-1');
    await expect(larger.getByTestId(TEST_IDS.canvas)).toBeVisible();
    await expect(larger.getByTestId(TEST_IDS.tooSmall)).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});

test('keyboard: the matrix takes focus, arrows move, the focused cell is announced', async ({ page }) => {
  await openHarness(page, env, [{ targets: [latencyTable] }]);
  const grid = page.getByRole('grid');
  await grid.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const sorted = env.hosts.map((h) => h.name).sort();
  await expect(page.getByTestId(TEST_IDS.live)).toHaveText(new RegExp(`^${sorted[1]} → ${sorted[1]}: —, Self`));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId(TEST_IDS.live)).toHaveText(new RegExp(`^${sorted[1]} → ${sorted[2]}: [\\d.]+ ms, `));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId(TEST_IDS.focus)).toHaveCount(0);
});
