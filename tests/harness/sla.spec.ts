import { Page, expect, test } from '@playwright/test';

import { Status, StatusCode } from '../../src/model/sla';

/** English state names for assertion messages (the spec runs in Node, outside the panel's i18n). */
const STATUS_NAMES = Object.fromEntries(Object.entries(Status).map(([k, v]) => [v, k])) as Record<StatusCode, string>;
import { harnessEnv } from './env';
import { TEST_IDS, axisOrder, hoverCell, openHarness, promInstant, statusColour, themeColour } from './helpers';
import { snap } from './snap';

const env = harnessEnv().sla;
const facts = env.facts;
const TOPOLOGY = 'src, dst, src_region, src_dc, src_az, src_tor, dst_region, dst_dc, dst_az, dst_tor';

/** Latency, loss, probe failures, the pairs probed in the last 30 minutes, and each pair's newest sample time. */
const targets = [
  { refId: 'A', expr: 'pingmesh_pair_latency_seconds', format: 'table', instant: true, range: false },
  { refId: 'B', expr: 'pingmesh_pair_loss_ratio', format: 'table', instant: true, range: false },
  { refId: 'C', expr: 'pingmesh_pair_fail', format: 'table', instant: true, range: false },
  {
    refId: 'D',
    expr: `group by (${TOPOLOGY}) (last_over_time(pingmesh_pair_latency_seconds[30m]))`,
    format: 'table',
    instant: true,
    range: false,
  },
  { refId: 'E', expr: 'timestamp(pingmesh_pair_latency_seconds)', format: 'table', instant: true, range: false },
];
const panel = {
  targets,
  width: 1000,
  height: 840,
  options: {
    grouping: { levels: 'region,dc,az,tor', startLevel: 'host' },
    queries: { expectedRefId: 'D', timestampRefId: 'E' },
  },
};

const byName = new Map(env.hosts.map((h) => [h.name, h]));
const firstOfTor = new Set(
  env.hosts.filter((h, i, all) => all.findIndex((x) => x.tor === h.tor) === i).map((h) => h.name)
);

/** One pair per status, picked from what the scenario is known to contain. */
function representatives(): Array<[StatusCode, string, string]> {
  const stale = env.hosts.find((h) => h.name !== facts.staleHost && h.tor === byName.get(facts.staleHost)!.tor)!;
  const quietTor = env.hosts.find(
    (h) =>
      ![facts.staleHost, facts.lossy[0].src, facts.failed[0].src, facts.dead[0].src].some(
        (x) => byName.get(x)!.tor === h.tor
      )
  )!;
  const peer = env.hosts.find((h) => h.tor === quietTor.tor && h.name !== quietTor.name)!;
  const [x, y] = env.hosts.filter((h) => !firstOfTor.has(h.name) && h.dc !== quietTor.dc);
  const other = env.hosts.find((h) => !firstOfTor.has(h.name) && h.tor !== x.tor && h.dc === x.dc && h !== y) ?? y;
  return [
    [Status.OK, quietTor.name, peer.name],
    [Status.Breach, facts.lossy[0].src, facts.lossy[0].dst],
    [Status.Failed, facts.failed[0].src, facts.failed[0].dst],
    [Status.NoData, facts.dead[0].src, facts.dead[0].dst],
    [Status.Stale, facts.staleHost, stale.name],
    [Status.NotProbed, x.name, other.name],
    [Status.Self, peer.name, peer.name],
  ];
}

/** The colour covering most of each listed cell's pixels (marks cover a minority), read back from the canvas. */
async function cellFill(page: Page, cells: Array<[number, number]>): Promise<string[]> {
  return page.getByTestId(TEST_IDS.canvas).evaluate((el, list) => {
    const canvas = el as HTMLCanvasElement;
    const layout = JSON.parse(canvas.dataset.layout!);
    const sx = canvas.width / (layout.cols * layout.cellW);
    const sy = canvas.height / (layout.rows * layout.cellH);
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    return list.map(([r, c]) => {
      const counts = new Map<string, number>();
      const x0 = Math.ceil(c * layout.cellW * sx) + 2;
      const x1 = Math.floor((c + 1) * layout.cellW * sx) - 1;
      const y0 = Math.ceil(r * layout.cellH * sy) + 2;
      const y1 = Math.floor((r + 1) * layout.cellH * sy) - 1;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = (y * canvas.width + x) * 4;
          const key = `#${[data[i], data[i + 1], data[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
      return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    });
  }, cells);
}

/** Host pairs per status as Prometheus itself counts them at the end of the data. */
async function expectedCounts(): Promise<Partial<Record<StatusCode, number>>> {
  const q = async (expr: string) => (await promInstant(env, expr))[0]?.value ?? 0;
  const failed = await q('count(pingmesh_pair_fail > 0)');
  const stale = await q('count(time() - timestamp(pingmesh_pair_latency_seconds) > 120)');
  const noData = await q(
    'count(group by (src, dst) (last_over_time(pingmesh_pair_latency_seconds[30m])) unless on (src, dst) pingmesh_pair_latency_seconds unless on (src, dst) pingmesh_pair_fail)'
  );
  const lossy = await q(
    'count(pingmesh_pair_loss_ratio >= 0.001 unless on (src, dst) pingmesh_pair_fail unless on (src, dst) (time() - timestamp(pingmesh_pair_latency_seconds) > 120))'
  );
  const hosts = env.hosts.length;
  const probed = facts.probedPairs;
  return {
    [Status.OK]: probed - failed - stale - noData - lossy,
    [Status.Breach]: lossy,
    [Status.Failed]: failed,
    [Status.NoData]: noData,
    [Status.Stale]: stale,
    [Status.NotProbed]: hosts * (hosts - 1) - probed,
    [Status.Self]: hosts,
  };
}

test.describe('SLA states from real Prometheus: sparse mesh, lossy link, failed probe, dead pair, stale agent', () => {
  test('the legend counts every state as Prometheus does, and each state has its own colour on the canvas', async ({
    page,
  }) => {
    const errors = await openHarness(page, env, [panel]);
    const want = await expectedCounts();
    // What the scenario promises, so the Prometheus-side counting is checked too.
    expect(want[Status.Failed]).toBe(facts.failed.length);
    expect(want[Status.NoData]).toBe(facts.dead.length);
    expect(want[Status.Breach]).toBe(facts.lossy.length);
    expect(want[Status.Stale]).toBeGreaterThan(0);

    const items = page.getByTestId(TEST_IDS.legendItem);
    const shown = Object.fromEntries(
      await items.evaluateAll((els) =>
        els.map((e) => [Number((e as HTMLElement).dataset.status), Number((e as HTMLElement).dataset.count)])
      )
    );
    for (const [status, n] of Object.entries(want)) {
      expect(shown[status] ?? 0, STATUS_NAMES[Number(status) as StatusCode]).toBe(n);
    }
    expect(shown[Status.Warning] ?? 0).toBe(0);
    await expect(items.filter({ hasText: 'Not probed' })).toContainText(
      want[Status.NotProbed]!.toLocaleString('en-US')
    );

    const rows = await axisOrder(page, TEST_IDS.rowLabel);
    const cols = await axisOrder(page, TEST_IDS.colLabel);
    const reps = representatives();
    const fills = await cellFill(
      page,
      reps.map(([, s, d]) => [rows.get(s)!, cols.get(d)!])
    );
    const colours = new Map<StatusCode, string>();
    for (let k = 0; k < reps.length; k++) {
      const [status, s, d] = reps[k];
      expect(fills[k], `${STATUS_NAMES[status]}: ${s} → ${d}`).toBe(await statusColour(page, status));
      colours.set(status, fills[k]);
      // The tooltip names the same state.
      await hoverCell(page, await layoutOf(page), rows.get(s)!, cols.get(d)!);
      await expect(page.getByTestId(TEST_IDS.tooltipState)).toHaveAttribute('data-status', String(status));
    }
    expect(new Set(colours.values()).size).toBe(reps.length);
    // Cells are big enough for marks: every self, over-SLA, failed, no-data and stale cell carries its glyph.
    const glyphs: StatusCode[] = [Status.Self, Status.Breach, Status.Failed, Status.NoData, Status.Stale];
    const marked = glyphs.reduce((n: number, s) => n + want[s]!, 0);
    expect(Number(await page.getByTestId(TEST_IDS.canvas).getAttribute('data-marks'))).toBeGreaterThanOrEqual(marked);

    // Grey-scale: the states still differ in lightness (Self and Not probed differ by their marks).
    const luma = (h: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
      return 0.299 * r + 0.587 * g + 0.114 * b;
    };
    const main = [Status.OK, Status.Breach, Status.Failed, Status.NoData, Status.Stale].map((s) =>
      luma(colours.get(s)!)
    );
    for (let i = 0; i < main.length; i++) {
      for (let j = i + 1; j < main.length; j++) {
        expect(Math.abs(main[i] - main[j]), `${i}/${j}`).toBeGreaterThanOrEqual(12);
      }
    }
    const wrapper = page.getByTestId('harness-panel-0');
    await page.mouse.move(0, 0);
    await snap(wrapper, 'sla-states');
    await wrapper.evaluate((el) => ((el as HTMLElement).style.filter = 'grayscale(1)'));
    await snap(wrapper, 'sla-states-grey');
    expect(errors).toEqual([]);
  });

  test('per-scope SLAs: a cross-region pair at tens of ms is OK, while the same pair under one 10/100 ms threshold warns', async ({
    page,
  }) => {
    const reps = env.hosts.filter((h) => firstOfTor.has(h.name));
    // DC representatives (first host of each DC) probe across regions.
    const dcFirst = env.hosts.filter((h, i, all) => all.findIndex((x) => x.dc === h.dc) === i);
    const a = dcFirst[0];
    const b = dcFirst.find((h) => h.region !== a.region)!;
    expect(reps.length).toBeGreaterThan(0);
    const [truth] = await promInstant(env, `pingmesh_pair_latency_seconds{src="${a.name}",dst="${b.name}"}`);
    expect(truth.value * 1000).toBeGreaterThan(10);
    expect(truth.value * 1000).toBeLessThan(100);

    const errors: string[] = [];
    const configs = [
      { options: panel.options, status: Status.OK },
      {
        options: { ...panel.options, sla: { mode: 'thresholds' }, display: { palette: 'thresholds' } },
        status: Status.Warning,
      },
    ];
    for (const { options, status } of configs) {
      errors.push(...(await openHarness(page, env, [{ ...panel, options }])));
      const rows = await axisOrder(page, TEST_IDS.rowLabel);
      const cols = await axisOrder(page, TEST_IDS.colLabel);
      await hoverCell(page, await layoutOf(page), rows.get(a.name)!, cols.get(b.name)!);
      const tooltip = page.getByTestId(TEST_IDS.tooltip);
      await expect(tooltip.getByTestId(TEST_IDS.tooltipState)).toHaveAttribute('data-status', String(status));
      if (status === Status.OK) {
        await expect(tooltip.getByTestId(TEST_IDS.tooltipSla)).toHaveText(
          'cross-region SLA: warning ≥ 100 ms, over ≥ 200 ms; loss 0.010% / 0.10%'
        );
      }
    }
    // The threshold palette is Grafana's own threshold colours.
    expect(await statusColour(page, Status.Breach)).toBe(await themeColour(page, 'red'));
    expect(await statusColour(page, Status.OK)).toBe(await themeColour(page, 'green'));
    expect(errors).toEqual([]);
  });

  test('the lossy link with normal latency is over SLA because of its loss, and the tooltip says so', async ({
    page,
  }) => {
    const errors = await openHarness(page, env, [panel]);
    const { src, dst } = facts.lossy[0];
    const rows = await axisOrder(page, TEST_IDS.rowLabel);
    const cols = await axisOrder(page, TEST_IDS.colLabel);
    await hoverCell(page, await layoutOf(page), rows.get(src)!, cols.get(dst)!);
    const tooltip = page.getByTestId(TEST_IDS.tooltip);
    const [loss] = await promInstant(env, `pingmesh_pair_loss_ratio{src="${src}",dst="${dst}"}`);
    await expect(tooltip.getByTestId(TEST_IDS.tooltipLoss)).toHaveText(`Loss ${(loss.value * 100).toFixed(2)}%`);
    await expect(tooltip.getByTestId(TEST_IDS.tooltipState)).toHaveText('Over SLA (loss ≥ 0.10%)');
    const latency = await tooltip.getByTestId(TEST_IDS.tooltipValue).textContent();
    expect(parseFloat(latency!)).toBeLessThan(0.5); // same ToR, well inside its latency SLA
    // The pair view shows the loss next to the latency, for both directions.
    await page.mouse.click(...(await cellCentre(page, rows.get(src)!, cols.get(dst)!)));
    const view = page.getByTestId(TEST_IDS.pairView);
    await expect(view.getByTestId(TEST_IDS.pairSeries)).toHaveCount(4);
    await expect(view.getByTestId(TEST_IDS.pairStats)).toContainText('%');
    expect(errors).toEqual([]);
  });
});

async function layoutOf(page: Page, panel = 0) {
  const canvas = page.getByTestId(`harness-panel-${panel}`).getByTestId(TEST_IDS.canvas);
  return JSON.parse((await canvas.getAttribute('data-layout'))!);
}

async function cellCentre(page: Page, row: number, col: number): Promise<[number, number]> {
  const layout = await layoutOf(page);
  const box = (await page.getByTestId(TEST_IDS.canvas).boundingBox())!;
  return [box.x + (col + 0.5) * layout.cellW, box.y + (row + 0.5) * layout.cellH];
}
