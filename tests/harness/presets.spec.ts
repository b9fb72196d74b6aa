import { Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { STATUS_COUNT, Status, StatusCode } from '../../src/model/sla';
import { harnessEnv } from './env';
import { PanelSpec, TEST_IDS, cellColours, expectShows, hex, hoverCell, openHarness, promInstant } from './helpers';

/**
 * The new presets' provisioned dashboards (provisioning/dashboards/preset-*.json: options, field config and queries as
 * a user installs them) on exporter-shaped simulator series in a real Prometheus (stacks/presets.ts): a healthy mesh
 * shows no warning and nothing over SLA; with a ToR down exactly the pairs Prometheus' own answers say fail are over
 * SLA, every other cell as its data says. And the unit notice on an aggregated query whose unit nobody knows.
 */
const env = harnessEnv();
const facts = env.presets;
const WINDOWS = { healthy: facts.healthy, torDown: facts.torDown };
type Window = keyof typeof WINDOWS;
const at = (w: Window) => ({ harnessUrl: facts.harnessUrl, promUrl: facts.promUrl, ...WINDOWS[w] });

const STATUS_NAMES = Object.fromEntries(Object.entries(Status).map(([name, code]) => [code, name])) as Record<
  StatusCode,
  string
>;

interface Target {
  refId: string;
  expr: string;
}

/** The pingmesh panel of a provisioned dashboard, as Grafana loads it, and its queries by refId. */
function provisioned(id: string): { panel: PanelSpec; queries: Record<string, string> } {
  const file = join(__dirname, '..', '..', 'provisioning', 'dashboards', `preset-${id}.json`);
  const dashboard = JSON.parse(readFileSync(file, 'utf8'));
  const p = dashboard.panels.find((x: { type: string }) => x.type === 'netobs-pingmesh-panel');
  // The data source is the harness' own Prometheus (the dashboards name the compose stack's uid).
  const targets = p.targets.map(({ datasource: _, ...t }: Target & { datasource: unknown }) => t);
  return {
    panel: { options: p.options, fieldConfig: p.fieldConfig, targets },
    queries: Object.fromEntries(targets.map((t: Target) => [t.refId, t.expr])),
  };
}

const byIp = new Map(facts.hosts.map((h) => [h.ip, h.name]));
const culpritHosts = new Set(facts.hosts.filter((h) => h.tor === facts.culpritTor).map((h) => h.name));

interface PresetCase {
  id: string;
  /** A series' pair as the panel names its row and column. */
  pair(labels: Record<string, string>): [string, string];
  /** The latency query's values in ms, the loss query's as a ratio. */
  ms: number;
  lossRatio: number;
  /** Whether the simulator's ToR down touches the pair (its source or destination behind the culprit ToR). */
  touched(src: string, dst: string): boolean;
  /** The dashboard opens collapsed (Group by): every group is opened before the cells are read. */
  grouped?: boolean;
}

const hostTouched = (s: string, d: string) => s !== d && (culpritHosts.has(s) || culpritHosts.has(d));
const goldpingerPair = (l: Record<string, string>): [string, string] => [l.goldpinger_instance, byIp.get(l.host_ip)!];

const CASES: PresetCase[] = [
  {
    id: 'kubenurse',
    pair: (l) => [l.node, l.type.replace(/^path_/, '')],
    ms: 1000,
    lossRatio: 1,
    touched: hostTouched,
    grouped: true,
  },
  {
    id: 'rpingmesh',
    pair: (l) => [l.source_tor, l.target_tor],
    ms: 1e-6,
    lossRatio: 1,
    // ToR × ToR: the culprit's row and column, its own intra-ToR cell included.
    touched: (s, d) => s === facts.culpritTor || d === facts.culpritTor,
  },
  { id: 'goldpinger-udp', pair: goldpingerPair, ms: 1000, lossRatio: 0.01, touched: hostTouched },
  { id: 'goldpinger-no-topology', pair: goldpingerPair, ms: 1000, lossRatio: 0.01, touched: hostTouched },
];

/**
 * Every pair Prometheus answers the dashboard's latency (A) or loss (B) query for, and whether its numbers are a
 * failure: ≥ 100 ms or ≥ 10 % loss. The ToR down gives ≥ 200 ms (RDMA: its 10 ms top bucket) with ≥ 30 % loss; a
 * healthy pair stays under 10 ms and 0.1 %: any SLA between the two tells them apart.
 */
async function promPairs(c: PresetCase, queries: Record<string, string>, w: Window) {
  const pairs = new Map<string, boolean>();
  const add = (rows: Array<{ metric: Record<string, string>; value: number }>, fails: (v: number) => boolean) => {
    for (const r of rows) {
      const [s, d] = c.pair(r.metric);
      const key = `${s} → ${d}`;
      pairs.set(key, (pairs.get(key) ?? false) || fails(r.value));
    }
  };
  add(await promInstant(at(w), queries.A), (v) => v * c.ms >= 100);
  add(await promInstant(at(w), queries.B), (v) => v * c.lossRatio >= 0.1);
  return pairs;
}

/** The legend's count per status (absent = 0) and its swatch colours. */
async function legend(page: Page) {
  const items = await page
    .getByTestId('harness-panel-0')
    .getByTestId(TEST_IDS.legendItem)
    .evaluateAll((els) =>
      els.map((e) => {
        const el = e as HTMLElement;
        const swatch = el.querySelector('[data-testid="pingmesh-legend-swatch"]') as HTMLElement;
        return { status: Number(el.dataset.status), count: Number(el.dataset.count), color: swatch.dataset.color! };
      })
    );
  const counts: Record<string, number> = {};
  for (let s = 0; s < STATUS_COUNT; s++) {
    counts[STATUS_NAMES[s as StatusCode]] = items.find((i) => i.status === s)?.count ?? 0;
  }
  return { counts, colors: items.map((i) => ({ name: STATUS_NAMES[i.status as StatusCode], hex: hex(i.color) })) };
}

/** Each cell's state as drawn: its colour (off the centre and the corner marks) matched to the legend's swatches. */
async function drawnStates(page: Page): Promise<Map<string, string>> {
  const { colors } = await legend(page);
  const { colours } = await cellColours(page, 0, 0.2);
  const names = async (id: string) =>
    page
      .getByTestId('harness-panel-0')
      .getByTestId(id)
      .evaluateAll((els) =>
        els.map((e) => [Number((e as HTMLElement).dataset.index), (e as HTMLElement).dataset.host ?? e.textContent])
      );
  const rows = new Map((await names(TEST_IDS.rowLabel)) as Array<[number, string]>);
  const cols = new Map((await names(TEST_IDS.colLabel)) as Array<[number, string]>);
  const out = new Map<string, string>();
  colours.forEach((row, r) =>
    row.forEach((colour, c) => {
      const state = colors.filter((s) => s.hex === colour).map((s) => s.name);
      out.set(`${rows.get(r)} → ${cols.get(c)}`, state.length > 0 ? state.join('|') : colour);
    })
  );
  return out;
}

/** What every cell must show: Prometheus' pairs OK or over SLA, the diagonal without data Self, the rest not probed. */
function expectedStates(prom: Map<string, boolean>, axis: string[]) {
  const out = new Map<string, string>();
  for (const s of axis) {
    for (const d of axis) {
      const key = `${s} → ${d}`;
      const fails = prom.get(key);
      out.set(key, fails === undefined ? (s === d ? 'Self' : 'NotProbed') : fails ? 'Breach' : 'OK');
    }
  }
  return out;
}

const tally = (states: Map<string, string>) => {
  const out: Record<string, number> = {};
  for (const s of states.values()) {
    out[s] = (out[s] ?? 0) + 1;
  }
  return out;
};

for (const c of CASES) {
  test.describe(`${c.id} preset dashboard, real Prometheus`, () => {
    const { panel, queries } = provisioned(c.id);

    for (const w of ['healthy', 'torDown'] as const) {
      const title =
        w === 'healthy'
          ? 'a healthy mesh: no warning, nothing over SLA, no unit notice'
          : 'a ToR down: exactly the pairs Prometheus says fail are over SLA, every other cell as its data says';
      test(title, async ({ page }) => {
        const prom = await promPairs(c, queries, w);
        const failing = [...prom].filter(([, f]) => f).map(([k]) => k);
        // The oracle agrees with the generator: healthy, nothing fails; ToR down, exactly the measured pairs it touches.
        const touched = [...prom.keys()].filter(
          (k) => w === 'torDown' && c.touched(...(k.split(' → ') as [string, string]))
        );
        expect(failing.sort()).toEqual(touched.sort());
        if (w === 'torDown') {
          expect(failing.length).toBeGreaterThan(0);
        }

        const errors = await openHarness(page, at(w), [panel]);
        const scope = page.getByTestId('harness-panel-0');
        await expect(scope.getByTestId(TEST_IDS.canvas)).toBeVisible();
        await expect(scope.getByTestId(TEST_IDS.notices)).not.toContainText('Unit unknown');
        await expect(scope.getByTestId(TEST_IDS.dataIssue)).toHaveCount(0);
        if (c.grouped) {
          // Every group open: one cell per host pair.
          await page.evaluate(() =>
            (window as unknown as { harness: { update(i: number, u: object): Promise<void> } }).harness.update(0, {
              options: { grouping: { startLevel: 'host' } },
            })
          );
          await expect(scope.getByTestId(TEST_IDS.rowLabel)).toHaveCount(facts.hosts.length);
        }
        const drawn = await drawnStates(page);
        const axis = [...new Set([...drawn.keys()].map((k) => k.split(' → ')[0]))];
        const expected = expectedStates(prom, axis);
        // Every pair Prometheus has is on the axes (names and IPs joined: one row and one column per host or ToR).
        expect([...prom.keys()].filter((k) => !expected.has(k))).toEqual([]);
        const wrong = [...expected]
          .filter(([k, s]) => drawn.get(k) !== s)
          .map(([k, s]) => `${k}: ${drawn.get(k)}, not ${s}`);
        expect(wrong).toEqual([]);

        const { counts } = await legend(page);
        const want = tally(expected);
        expect(counts).toEqual({
          Self: want.Self ?? 0,
          NotProbed: want.NotProbed ?? 0,
          OK: want.OK ?? 0,
          NoData: 0,
          Stale: 0,
          Invalid: 0,
          Warning: 0,
          Breach: failing.length,
          Failed: 0,
        });
        expect(errors).toEqual([]);
      });
    }
  });
}

test.describe('unit notice, real Prometheus', () => {
  // What broke: custom labels and an aggregated histogram (the metric name, and the unit with it, dropped): seconds
  // were read as ms without a word, and during the ToR outage every 200 ms+ pair was a green "0.2–1 ms".
  test('an aggregated query of unknown unit: read as ms and said in the footer and tooltip; Input unit = s puts it right', async ({
    page,
  }) => {
    const expr = `histogram_quantile(0.99, sum by (le, src, dst) (rate(${facts.genericHistogram}_bucket[5m])))`;
    const truth = await promInstant(at('torDown'), expr);
    const errors = await openHarness(page, at('torDown'), [
      {
        targets: [{ refId: 'A', expr, format: 'table', instant: true, range: false }],
        options: { queries: { preset: 'custom', sourceLabel: 'src', destinationLabel: 'dst' } },
      },
    ]);
    const scope = page.getByTestId('harness-panel-0');
    const notices = scope.getByTestId(TEST_IDS.notices);
    await expect(notices).toContainText(
      `Unit unknown for ${truth.length} series (no unit in their metric names, no preset or field unit): read as ms — set *Input unit*.`
    );
    await expect(notices).toContainText(
      /Their median, [\d.]+ ms, is implausibly small for a latency in ms: they look like seconds\./
    );

    // A pair the ToR down touches, from the outside in: its row and column by name.
    const slow = truth.find((r) => culpritHosts.has(r.metric.src) && !culpritHosts.has(r.metric.dst))!;
    const index = async (id: string, name: string) =>
      Number(
        await scope
          .getByTestId(id)
          .filter({ hasText: new RegExp(`^${name}$`) })
          .getAttribute('data-index')
      );
    const hover = async () => {
      const { layout } = await cellColours(page);
      await page.mouse.move(0, 0);
      await hoverCell(
        page,
        layout,
        await index(TEST_IDS.rowLabel, slow.metric.src),
        await index(TEST_IDS.colLabel, slow.metric.dst)
      );
      const tooltip = page.getByTestId(TEST_IDS.tooltip);
      await expect(tooltip.getByTestId(TEST_IDS.tooltipSource)).toHaveText(slow.metric.src);
      await expect(tooltip.getByTestId(TEST_IDS.tooltipDestination)).toHaveText(slow.metric.dst);
      return tooltip;
    };
    let tooltip = await hover();
    await expect(tooltip.getByTestId(TEST_IDS.tooltipUnit)).toHaveText('Unit unknown: read as ms — set *Input unit*');
    const asMs = parseFloat((await tooltip.getByTestId(TEST_IDS.tooltipValue).textContent())!);
    expect(asMs).toBeCloseTo(slow.value, 2);

    await page.evaluate(() =>
      (window as unknown as { harness: { update(i: number, u: object): Promise<void> } }).harness.update(0, {
        options: { queries: { inputUnit: 's' } },
      })
    );
    await expect(notices).not.toContainText('Unit unknown');
    await expect(notices).not.toContainText('implausibly');
    tooltip = await hover();
    await expect(tooltip.getByTestId(TEST_IDS.tooltipUnit)).toHaveCount(0);
    const shown = (await tooltip.getByTestId(TEST_IDS.tooltipValue).textContent())!;
    expect(shown).toMatch(/^[\d.]+ ms$/);
    // Regression: < 0.5 failed when the value was x.5 ms, which the tooltip rounds to x+1.
    expectShows(shown, slow.value * 1000);
    await expect(tooltip.getByTestId(TEST_IDS.tooltipState)).toHaveText('Over SLA (≥ 100 ms)');
    // The outage is over SLA now, pair for pair as Prometheus has it (the plugin's default thresholds, 10 / 100 ms).
    const { counts } = await legend(page);
    expect({ warning: counts.Warning, breach: counts.Breach }).toEqual({
      warning: truth.filter((r) => r.value >= 0.01 && r.value < 0.1).length,
      breach: truth.filter((r) => r.value >= 0.1).length,
    });
    expect(counts.Breach).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
