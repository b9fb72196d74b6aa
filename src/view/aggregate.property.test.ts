/**
 * Property-based tests of grouping: a group cell summarises exactly its member pairs, and a breach stays visible at
 * every level, expansion, zoom and canvas size. Issue "Reliability: bad input … no crash, no wrong colour".
 */
import { DataFrame, FieldColorModeId, FieldConfig, Labels, ThresholdsMode, createTheme } from '@grafana/data';
import fc from 'fast-check';

import { paintCells, rgba } from '../render/paint';
import { statusColors } from '../render/palette';
import { poolWorst } from '../render/pool';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { Aggregation, ModelOptions, SortBy } from '../options/types';
import { quantileOf } from './aggregate';
import { buildMatrix } from '../ingest';
import { AxisEntry } from './hierarchy';
import { Classified, DEFAULT_SLA_CONFIG, MEASURED, SlaConfig, Status } from '../model/sla';
import { SeriesSpec, seriesFrames, tableFrame } from '../model/testFrames';
import { MatrixModel } from '../model/types';
import { View, Zoom, buildView, classifyModel } from './view';

const RUNS = { aggregation: 120, lossOnly: 80, lossOnlyMean: 50, breach: 250 };
const stats = { cases: 0, noModel: 0, views: 0, cells: 0, breachViews: 0 };

afterAll(() => {
  console.log(
    `aggregate properties: ${stats.cases} generated cases (${stats.noModel} without a model), ` +
      `${stats.views} views, ${stats.cells} cells checked, ${stats.breachViews} breach views`
  );
});

const THEMES = [createTheme({ colors: { mode: 'dark' } }), createTheme({ colors: { mode: 'light' } })];
const ALL_AGGREGATIONS: Aggregation[] = ['max', 'mean', 'p50', 'p90', 'p99', 'share'];
const SEP = '\u001f';

// ---------------------------------------------------------------------------------------------------------------
// Generated meshes with a topology

type Latency = number | 'absent' | 'null' | 'nan';
interface Cell {
  latency: Latency;
  loss: number | 'absent';
  fail: 0 | 1 | 'absent';
}
interface Mesh {
  levels: string[];
  hosts: string[];
  /** Per host, its group at each level. */
  paths: string[][];
  /** Where the topology comes from: the pair series' src_/dst_ labels or a topology query. */
  topo: 'pairs' | 'query';
  /** Hosts the topology query does not list (they group as "unknown"). */
  unlisted: boolean[];
  /** n × n, row-major by host index. */
  cells: Cell[];
  shape: 'series' | 'table';
  warn: number;
  breach: number;
  slaMode: SlaConfig['mode'];
  missingMeans: ModelOptions['missingMeans'];
  sortBy: SortBy;
  toggles: number[];
  zoom: number[];
}

const LEVEL_SETS = [
  ['dc', 'tor'],
  ['region', 'dc', 'tor'],
  ['zone', 'rack'],
  ['region', 'zone', 'pod'],
];
const latencyArb: fc.Arbitrary<Latency> = fc.oneof(
  { arbitrary: fc.constantFrom(0, 0.4, 0.5, 1, 1.5, 2, 4.9, 5, 10, 20, 99, 100, 150, 250, 1000), weight: 4 },
  { arbitrary: fc.double({ min: 0, max: 2000, noNaN: true, noDefaultInfinity: true }), weight: 4 },
  { arbitrary: fc.constantFrom<Latency>('absent', 'absent', 'null', 'nan'), weight: 3 }
);
const cellArb: fc.Arbitrary<Cell> = fc.record({
  latency: latencyArb,
  loss: fc.oneof(
    { arbitrary: fc.constant<'absent'>('absent'), weight: 2 },
    { arbitrary: fc.constantFrom(0, 5e-5, 2e-4, 5e-3), weight: 1 }
  ),
  fail: fc.constantFrom<Cell['fail']>('absent', 'absent', 'absent', 'absent', 0, 1),
});

/**
 * @param lossOnly whether a pair may have a loss value without a latency sample (loss alone makes a measured pair).
 */
function meshArb(lossOnly: boolean): fc.Arbitrary<Mesh> {
  return fc
    .record({ levels: fc.constantFrom(...LEVEL_SETS), n: fc.integer({ min: 2, max: 8 }) })
    .chain(({ levels, n }) =>
      fc.record({
        levels: fc.constant(levels),
        hosts: fc.constant(Array.from({ length: n }, (_, i) => `h${i}`)),
        // Few group names per level, reused under different parents (same name, different group).
        paths: fc.array(fc.tuple(...levels.map((l) => fc.nat(2).map((k) => `${l}${k}`))), {
          minLength: n,
          maxLength: n,
        }),
        topo: fc.constantFrom<Mesh['topo']>('pairs', 'query'),
        unlisted: fc.array(
          fc.nat(5).map((k) => k === 0),
          { minLength: n, maxLength: n }
        ),
        cells: fc
          .array(cellArb, { minLength: n * n, maxLength: n * n })
          .map((cells) =>
            lossOnly ? cells : cells.map((c) => (typeof c.latency === 'number' ? c : { ...c, loss: 'absent' as const }))
          ),
        shape: fc.constantFrom<Mesh['shape']>('series', 'table'),
        warn: fc.constantFrom(1, 5, 50),
        breach: fc.constantFrom(2, 100, 1000),
        slaMode: fc.constantFrom<SlaConfig['mode']>('auto', 'thresholds', 'scopes'),
        missingMeans: fc.constantFrom<ModelOptions['missingMeans']>('auto', 'noData', 'notProbed', 'ok'),
        sortBy: fc.constantFrom<SortBy>('name', 'worst', 'breaches'),
        toggles: fc.array(fc.nat(), { maxLength: 4 }),
        zoom: fc.array(fc.nat(), { maxLength: 2 }),
      })
    );
}

function meshFrames(m: Mesh): DataFrame[] {
  const n = m.hosts.length;
  const latency: SeriesSpec[] = [];
  const loss: SeriesSpec[] = [];
  const fail: SeriesSpec[] = [];
  for (let s = 0; s < n; s++) {
    for (let d = 0; d < n; d++) {
      const cell = m.cells[s * n + d];
      const labels: Labels = { src: m.hosts[s], dst: m.hosts[d] };
      if (m.topo === 'pairs') {
        m.levels.forEach((l, k) => {
          labels[`src_${l}`] = m.paths[s][k];
          labels[`dst_${l}`] = m.paths[d][k];
        });
      }
      if (cell.latency !== 'absent') {
        const v = cell.latency === 'null' ? null : cell.latency === 'nan' ? NaN : cell.latency;
        latency.push({ labels, values: [v] });
      }
      if (cell.loss !== 'absent') {
        loss.push({ labels: { ...labels, __name__: 'probe_loss_ratio' }, values: [cell.loss] });
      }
      if (cell.fail !== 'absent') {
        fail.push({ labels: { ...labels, __name__: 'probe_fail' }, values: [cell.fail] });
      }
    }
  }
  const topology: SeriesSpec[] =
    m.topo === 'query'
      ? m.hosts
          .filter((_, h) => !m.unlisted[h])
          .map((host) => {
            const h = m.hosts.indexOf(host);
            const labels: Labels = { __name__: 'kube_node_labels', node: host };
            m.levels.forEach((l, k) => (labels[l] = m.paths[h][k]));
            return { labels, values: [1] };
          })
      : [];
  const config: FieldConfig = {
    unit: 'ms',
    color: { mode: FieldColorModeId.Thresholds },
    thresholds: {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: Math.min(m.warn, m.breach), color: 'orange' },
        { value: m.breach, color: 'red' },
      ],
    },
  };
  const query = (specs: SeriesSpec[], refId: string) =>
    specs.length === 0 ? [] : m.shape === 'table' ? [tableFrame(specs, refId, true)] : seriesFrames(specs, refId);
  const a = query(latency, 'A');
  for (const f of a) {
    f.fields[f.fields.length - 1].config = config;
  }
  return [...a, ...query(loss, 'B'), ...query(fail, 'C'), ...query(topology, 'T')];
}

function modelOf(m: Mesh): { model: MatrixModel; classified: Classified } | undefined {
  const result = buildMatrix({
    frames: meshFrames(m),
    options: {
      ...DEFAULT_MODEL_OPTIONS,
      latencyRefId: 'A',
      inputUnit: 'ms',
      levels: m.levels.join(','),
      missingMeans: m.missingMeans,
      topologyRefIds: m.topo === 'query' ? 'T' : '',
      topologyHostLabels: 'node',
    },
    theme: THEMES[0],
  });
  if (!result.model) {
    // Only when no pair has a latency series (the latency query has no frames): not what these properties are about.
    expect(result.warning).toMatch(/latency query `A`|No series has/);
    stats.noModel++;
    return undefined;
  }
  const model = result.model;
  expect(model.levels).toEqual(m.levels);
  return { model, classified: classifyModel(model, { ...DEFAULT_SLA_CONFIG, mode: m.slaMode, staleMs: 0 }) };
}

/** Every group id of the model's axes, for toggles and zooms. */
function groupIds(model: MatrixModel): string[] {
  const ids = new Set<string>();
  for (const p of [...model.rowPaths, ...model.colPaths]) {
    for (let k = 1; k <= p.length; k++) {
      ids.add(p.slice(0, k).join(SEP));
    }
  }
  return [...ids].sort();
}

/**
 * An entry's member hosts, from the model's paths (not from the axis tree): a host entry is its host, a group entry
 * every host whose path starts with the group's.
 */
function members(e: AxisEntry, names: string[], paths: string[][]): number[] {
  if (e.kind === 'host') {
    return [names.indexOf(e.label)];
  }
  const out: number[] = [];
  paths.forEach((p, h) => {
    if (p.slice(0, e.node.level + 1).join(SEP) === e.node.id) {
      out.push(h);
    }
  });
  return out;
}

const sameNumber = (a: number, b: number) =>
  (a !== a && b !== b) || a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));

/** Every cell of the view is the summary of its member pairs, computed directly from the model. */
function expectCellsSummariseTheirPairs(
  model: MatrixModel,
  classified: Classified,
  view: View,
  aggregation: Aggregation,
  within?: { rows: number[]; cols: number[] }
) {
  const { matrix } = view;
  const C = model.cols.length;
  const rowMembers = matrix.rows.map((e) => members(e, model.rows, model.rowPaths));
  const colMembers = matrix.cols.map((e) => members(e, model.cols, model.colPaths));
  // The entries partition the axis (or the zoomed group), and each covers as many hosts as its range.
  const partition = (entries: AxisEntry[], all: number[][], hosts: number[]) => {
    const covered = all.flat().sort((a, b) => a - b);
    if (covered.join() !== hosts.join() || entries.some((e, k) => all[k].length !== e.end - e.start)) {
      throw new Error(`entries ${entries.map((e) => e.label)} cover hosts ${covered}, expected ${hosts}`);
    }
  };
  partition(matrix.rows, rowMembers, within?.rows ?? model.rows.map((_, i) => i));
  partition(matrix.cols, colMembers, within?.cols ?? model.cols.map((_, i) => i));

  const quantile = aggregation.startsWith('p') ? Number(aggregation.slice(1)) / 100 : undefined;
  for (let r = 0; r < matrix.rows.length; r++) {
    for (let c = 0; c < matrix.cols.length; c++) {
      const cell = r * matrix.cols.length + c;
      const nums: number[] = [];
      const byStatus = new Array<number>(9).fill(0);
      let pairs = 0;
      let worst = 0;
      for (const h of rowMembers[r]) {
        for (const k of colMembers[c]) {
          const i = h * C + k;
          const st = classified.status[i];
          byStatus[st]++;
          worst = Math.max(worst, st);
          if (model.presence[i] === MEASURED) {
            pairs++;
            if (model.values[i] === model.values[i]) {
              nums.push(model.values[i]);
            }
          }
        }
      }
      const expected = byStatus.reduce((a, b) => a + b, 0) - byStatus[Status.Self] - byStatus[Status.NotProbed];
      const hostCell = matrix.rows[r].kind === 'host' && matrix.cols[c].kind === 'host';
      const where = () =>
        `${aggregation} cell ${matrix.rows[r].label}×${matrix.cols[c].label} (members ${rowMembers[r]}×${colMembers[c]})`;

      // The value: the aggregation of the member pairs' latencies.
      // A host cell shows its pair's value whatever its state (a failed probe may have one); a group cell aggregates
      // the latencies of its measured pairs.
      const want = hostCell
        ? model.values[rowMembers[r][0] * C + colMembers[c][0]]
        : nums.length === 0
          ? NaN
          : aggregation === 'max' || aggregation === 'share'
            ? Math.max(...nums)
            : aggregation === 'mean'
              ? nums.reduce((a, b) => a + b, 0) / nums.length
              : quantileOf(nums, quantile!);
      if (!sameNumber(matrix.values[cell], want)) {
        throw new Error(`${where()}: value ${matrix.values[cell]}, expected ${want} from ${JSON.stringify(nums)}`);
      }

      // The counts: direct counts over the member pairs' statuses.
      if (matrix.counts) {
        const { counts } = matrix;
        const got = [
          counts.expected[cell],
          counts.pairs[cell],
          counts.breached[cell],
          counts.warning[cell],
          counts.failed[cell],
          counts.noData[cell],
          counts.stale[cell],
        ];
        const wantCounts = [
          expected,
          expected === 0 ? 0 : pairs,
          byStatus[Status.Breach],
          byStatus[Status.Warning],
          byStatus[Status.Failed],
          byStatus[Status.NoData],
          byStatus[Status.Stale],
        ];
        if (got.some((x, k) => x !== wantCounts[k])) {
          throw new Error(
            `${where()}: counts [expected, pairs, breached, warning, failed, noData, stale] = ${got}, expected ${wantCounts}`
          );
        }
      } else if (!hostCell) {
        throw new Error(`${where()}: a group cell without counts`);
      }

      // Status: a host cell is its pair; a group cell's status under "worst" is its worst pair's.
      const wantStatus = hostCell ? classified.status[rowMembers[r][0] * C + colMembers[c][0]] : worst;
      if ((aggregation === 'max' || hostCell) && matrix.status[cell] !== wantStatus) {
        throw new Error(`${where()}: status ${matrix.status[cell]}, expected ${wantStatus}`);
      }
      // Share: the share of the judged member pairs over SLA or failed, and the status its thresholds give.
      if (aggregation === 'share' && !hostCell) {
        const judged =
          byStatus[Status.OK] + byStatus[Status.Warning] + byStatus[Status.Breach] + byStatus[Status.Failed];
        const bad = byStatus[Status.Breach] + byStatus[Status.Failed];
        const share = judged > 0 ? bad / judged : NaN;
        if (!sameNumber(matrix.share![cell], Math.fround(share))) {
          throw new Error(`${where()}: share ${matrix.share![cell]}, expected ${share}`);
        }
        const status = judged === 0 ? worst : share >= 0.5 ? Status.Breach : share >= 0.1 ? Status.Warning : Status.OK;
        if (matrix.status[cell] !== status) {
          throw new Error(`${where()}: status ${matrix.status[cell]}, expected ${status} for share ${share}`);
        }
      }
      stats.cells++;
    }
  }
}

/** A zoom into the row group × column group picked by `pick`, and the hosts inside it. */
function zoomOf(model: MatrixModel, pick: number[]) {
  const ids = groupIds(model);
  if (pick.length < 2 || ids.length === 0) {
    return undefined;
  }
  const row = ids[pick[0] % ids.length];
  const col = ids[pick[1] % ids.length];
  const inside = (paths: string[][], id: string) =>
    paths.flatMap((p, h) => (p.slice(0, id.split(SEP).length).join(SEP) === id ? [h] : []));
  const rows = inside(model.rowPaths, row);
  const cols = inside(model.colPaths, col);
  return rows.length > 0 && cols.length > 0 ? { zoom: { row, col }, rows, cols } : undefined;
}

function aggregationProperty(lossOnly: boolean, aggregations: Aggregation[]) {
  return fc.property(meshArb(lossOnly), (mesh) => {
    stats.cases++;
    const built = modelOf(mesh);
    if (!built) {
      return;
    }
    const { model, classified } = built;
    const ids = groupIds(model);
    const toggled = new Set(mesh.toggles.map((k) => ids[k % ids.length]));
    const z = zoomOf(model, mesh.zoom);
    for (const startLevel of [...model.levels, 'host']) {
      for (const aggregation of aggregations) {
        const view = buildView({
          model,
          startLevel,
          toggled,
          zoom: z ? [z.zoom] : [],
          aggregation,
          sortBy: mesh.sortBy,
          classified,
        });
        stats.views++;
        expectCellsSummariseTheirPairs(model, classified, view, aggregation, z);
      }
    }
  });
}

describe('a group cell', () => {
  it(`is the aggregation (max, mean, p50, p90, p99, share) and the counts of its member pairs, at every start level (${RUNS.aggregation} runs)`, () => {
    fc.assert(aggregationProperty(false, ALL_AGGREGATIONS), { numRuns: RUNS.aggregation });
  });

  it(`is the aggregation of its member pairs when loss alone makes a measured pair: max and percentiles (${RUNS.lossOnly} runs)`, () => {
    fc.assert(aggregationProperty(true, ['max', 'p50', 'p90', 'p99']), { numRuns: RUNS.lossOnly });
  });

  it(`is the mean of its member pairs' latencies when loss alone makes a measured pair (${RUNS.lossOnlyMean} runs)`, () => {
    fc.assert(aggregationProperty(true, ['mean']), { numRuns: RUNS.lossOnlyMean });
  });

  it('fixed: mean of a group with a loss-only pair counts that pair as a zero latency', () => {
    // a→b: latency 10 ms and loss 0; b→a: loss 0, no latency series. Both in dc x. The dc x × dc x cell's mean
    // latency is 10 ms (the only latency); it once divided the sum by every measured pair (2, loss-only included): 5 ms.
    const frames = [
      ...seriesFrames([{ labels: { src: 'a', dst: 'b', src_dc: 'x', dst_dc: 'x' }, values: [10] }], 'A'),
      ...seriesFrames(
        [
          { labels: { __name__: 'x_loss_ratio', src: 'a', dst: 'b', src_dc: 'x', dst_dc: 'x' }, values: [0] },
          { labels: { __name__: 'x_loss_ratio', src: 'b', dst: 'a', src_dc: 'x', dst_dc: 'x' }, values: [0] },
        ],
        'B'
      ),
    ];
    const options = { ...DEFAULT_MODEL_OPTIONS, levels: 'dc', inputUnit: 'ms' as const };
    const model = buildMatrix({ frames, options, theme: THEMES[0] }).model!;
    const view = buildView({
      model,
      startLevel: 'dc',
      toggled: new Set(),
      zoom: [],
      aggregation: 'mean',
      sortBy: 'name',
    });
    expect(view.matrix.counts!.pairs[0]).toBe(2);
    expect(view.matrix.values[0]).toBe(10);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// A breach is visible at every zoom level and canvas size

interface BreachCase {
  mesh: Mesh;
  /** Which breaching pair to follow. */
  target: number;
  /** How deep to zoom (-1: not at all), and through which intermediate levels. */
  zoomDepth: number;
  zoomChain: boolean[];
  garbageZoom: boolean;
  start: number;
  toggles: number[];
  canvas: [number, number];
  theme: number;
  /** Force a breach or a failed probe at this cell, so every case has one. */
  force: { at: number; how: 'latency' | 'fail' };
}

const breachArb: fc.Arbitrary<BreachCase> = fc.record({
  mesh: meshArb(true),
  target: fc.nat(),
  zoomDepth: fc.integer({ min: -1, max: 2 }),
  zoomChain: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  garbageZoom: fc.boolean(),
  start: fc.nat(),
  toggles: fc.array(fc.nat(), { maxLength: 6 }),
  canvas: fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 })),
  theme: fc.nat(1),
  force: fc.record({ at: fc.nat(), how: fc.constantFrom<'latency' | 'fail'>('latency', 'fail') }),
});

describe('a pair over SLA or with a failed probe', () => {
  it(`shows at least over SLA in the cell containing it, at any level, expansion and zoom, and in its pooled pixel (${RUNS.breach} runs)`, () => {
    fc.assert(
      fc.property(breachArb, (b) => {
        stats.cases++;
        const mesh = { ...b.mesh, cells: [...b.mesh.cells] };
        const at = b.force.at % mesh.cells.length;
        mesh.cells[at] =
          b.force.how === 'latency'
            ? { ...mesh.cells[at], latency: 5000, fail: 'absent' }
            : { ...mesh.cells[at], fail: 1 };
        const built = modelOf(mesh);
        if (!built) {
          return;
        }
        const { model, classified } = built;
        const C = model.cols.length;
        const breaches: number[] = [];
        for (let i = 0; i < classified.status.length; i++) {
          if (classified.status[i] >= Status.Breach) {
            breaches.push(i);
          }
        }
        // 5000 ms is over every SLA, unless the forced cell is the diagonal without a series of its own.
        if (breaches.length === 0) {
          expect(mesh.hosts[Math.floor(at / mesh.hosts.length)]).toBe(mesh.hosts[at % mesh.hosts.length]);
          return;
        }
        const pair = breaches[b.target % breaches.length];
        const src = Math.floor(pair / C);
        const dst = pair % C;

        // Zoom into groups that contain the pair (nested zooms, only the last one applies), after ids that are gone.
        const depth = Math.min(b.zoomDepth, model.levels.length - 1);
        const zoom: Zoom[] = [];
        if (b.garbageZoom) {
          zoom.push({ row: 'gone', col: 'gone' });
        }
        for (let k = 0; k <= depth; k++) {
          if (k === depth || b.zoomChain[k]) {
            zoom.push({
              row: model.rowPaths[src].slice(0, k + 1).join(SEP),
              col: model.colPaths[dst].slice(0, k + 1).join(SEP),
            });
          }
        }
        const ids = groupIds(model);
        const starts = [...model.levels, 'host', ''];
        const view = buildView({
          model,
          startLevel: starts[b.start % starts.length],
          toggled: new Set(b.toggles.map((k) => ids[k % ids.length])),
          zoom,
          aggregation: 'max',
          sortBy: mesh.sortBy,
          classified,
        });
        stats.breachViews++;
        const { matrix } = view;
        const R = matrix.rows.length;
        const VC = matrix.cols.length;

        // Every pair at or over "over SLA" that the view shows is in a cell at or over "over SLA".
        const rowPos = new Int32Array(model.rows.length).fill(-1);
        const colPos = new Int32Array(C).fill(-1);
        view.rowTree.order.forEach((h, p) => (rowPos[h] = p));
        view.colTree.order.forEach((h, p) => (colPos[h] = p));
        const entryOf = (entries: AxisEntry[], p: number) => entries.findIndex((e) => e.start <= p && p < e.end);
        let targetCell = -1;
        for (const i of breaches) {
          const r = entryOf(matrix.rows, rowPos[Math.floor(i / C)]);
          const c = entryOf(matrix.cols, colPos[i % C]);
          if (i === pair) {
            // The zoom contains the followed pair: it is on screen.
            expect(r).toBeGreaterThanOrEqual(0);
            expect(c).toBeGreaterThanOrEqual(0);
            targetCell = r * VC + c;
          }
          if (r >= 0 && c >= 0 && matrix.status[r * VC + c] < Status.Breach) {
            throw new Error(
              `pair ${i} (status ${classified.status[i]}) is in cell ${matrix.rows[r].label}×${matrix.cols[c].label} ` +
                `with status ${matrix.status[r * VC + c]}`
            );
          }
        }

        // Painted, then pooled to a smaller canvas: the pixel over that cell is the breach or failed colour.
        const theme = THEMES[b.theme];
        const colors = statusColors(theme, 'accessible');
        const painted = paintCells(matrix, theme, colors);
        const width = Math.min(b.canvas[0], VC);
        const height = Math.min(b.canvas[1], R);
        const pooled = poolWorst(painted, R, VC, width, height);
        const r = Math.floor(targetCell / VC);
        const c = targetCell % VC;
        const p = Math.floor((r * pooled.height) / R) * pooled.width + Math.floor((c * pooled.width) / VC);
        const px = Array.from(pooled.rgba.slice(p * 4, p * 4 + 4));
        const allowed = [Status.Breach, Status.Failed].map((s) => rgba(colors[s]));
        if (!allowed.some((a) => a.every((x, k) => x === px[k]))) {
          throw new Error(`pixel ${p} over cell ${r},${c} is ${px}, not the over-SLA or failed colour`);
        }
      }),
      { numRuns: RUNS.breach }
    );
  });
});
