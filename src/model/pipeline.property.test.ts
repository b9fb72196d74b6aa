/**
 * Property-based tests of the whole model pipeline: frames → buildMatrix → classifyModel → buildView → paintCells →
 * poolWorst. Issue "Reliability: bad input … no crash, no wrong colour".
 * Aggregation and breach-visibility properties are in aggregate.property.test.ts.
 */
import {
  DataFrame,
  Field,
  FieldColorModeId,
  FieldConfig,
  FieldType,
  GrafanaTheme2,
  Labels,
  ReducerID,
  ThresholdsMode,
  createTheme,
  getFieldColorModeForField,
  getScaleCalculator,
} from '@grafana/data';
import fc from 'fast-check';

import { paintCells, rgba } from '../render/paint';
import { statusColors } from '../render/palette';
import { poolWorst } from '../render/pool';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { Aggregation, InputUnit, ModelOptions, SortBy } from '../options/types';
import { buildMatrix } from '../ingest';
import { PRESETS } from './presets';
import { DEFAULT_SCOPE_SLAS, DEFAULT_SLA_CONFIG, MEASURED, STATUS_COUNT, SlaConfig, Status, StatusCode } from './sla';
import { SeriesSpec, seriesFrames, tableFrame } from './testFrames';
import { MatrixModel } from './types';
import { buildView, classifyModel } from '../view/view';

const RUNS = { neverThrows: 400, everyPair: 200, roundTrip: 100 };
const THEMES = { dark: createTheme({ colors: { mode: 'dark' } }), light: createTheme({ colors: { mode: 'light' } }) };
const stats = { cases: 0, models: 0, warnings: 0, cells: 0, pairs: 0, roundTrip: 0 };

afterAll(() => {
  console.log(
    `pipeline properties: ${stats.cases} generated cases (${stats.models} models, ${stats.warnings} warnings), ` +
      `${stats.cells} painted cells checked, ${stats.pairs} mesh pairs checked, ${stats.roundTrip} round-trip cases`
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers

const T0 = 1_700_000_000_000;
const STEP = 30_000;

/** A CSS colour as the 32-bit word paintCells stores per pixel. */
function word(css: string): number {
  return new Uint32Array(Uint8ClampedArray.from(rgba(css)).buffer)[0];
}

function pixels(painted: { rgba: Uint8ClampedArray }, n: number): Uint32Array {
  return new Uint32Array(painted.rgba.buffer, painted.rgba.byteOffset, n);
}

const JUDGED = new Set<number>([Status.OK, Status.Warning, Status.Breach]);

/**
 * Every painted pixel is its cell's status colour; only judged cells with a value under a continuous colour scheme
 * take the scheme's colour for their value.
 */
function expectPaintedByStatus(
  grid: { values: Float64Array; status: Uint8Array; field: Field },
  px: Uint32Array,
  theme: GrafanaTheme2,
  colors: Record<StatusCode, string>
) {
  const own = Array.from({ length: STATUS_COUNT }, (_, s) => word(colors[s as StatusCode]));
  const mode = grid.field.config.color?.mode;
  const thresholdsMode = mode === undefined || mode === FieldColorModeId.Thresholds;
  const continuous = !thresholdsMode && getFieldColorModeForField(grid.field).isContinuous === true;
  const scale = thresholdsMode ? undefined : getScaleCalculator(grid.field, theme);
  for (let i = 0; i < grid.status.length; i++) {
    const st = grid.status[i];
    if (!(st < STATUS_COUNT)) {
      throw new Error(`cell ${i}: status ${st} is not a status`);
    }
    const v = grid.values[i];
    if (!scale || !JUDGED.has(st) || v !== v) {
      if (px[i] !== own[st]) {
        throw new Error(`cell ${i} (status ${st}, value ${v}, mode ${mode}): pixel is not the status colour`);
      }
      continue;
    }
    const byScale = word(scale(v).color);
    // Non-continuous modes (fixed, shades, classic palette, unknown ids) paint the status colour.
    const ok = continuous ? px[i] === byScale : px[i] === own[st];
    if (!ok) {
      throw new Error(`cell ${i} (status ${st}, value ${v}, mode ${mode}): pixel is neither status nor scale colour`);
    }
  }
  stats.cells += grid.status.length;
}

/** Structural invariants of any model buildMatrix returns. */
/** What ingest may put in `presence`: the statuses it decides alone, or MEASURED for the SLA to judge. */
const PRESENCE_CODES = new Set<number>([
  Status.Self,
  Status.NotProbed,
  Status.NoData,
  Status.Invalid,
  Status.Failed,
  Status.OK,
  MEASURED,
]);

function expectSaneModel(m: MatrixModel) {
  const R = m.rows.length;
  const C = m.cols.length;
  const n = R * C;
  expect(m.values.length).toBe(n);
  expect(m.presence.length).toBe(n);
  for (const a of [m.loss, m.baseline, m.age]) {
    if (a) {
      expect(a.length).toBe(n);
    }
  }
  expect(new Set(m.rows).size).toBe(R);
  expect(new Set(m.cols).size).toBe(C);
  expect(m.rowPaths.length).toBe(R);
  expect(m.colPaths.length).toBe(C);
  for (const p of [...m.rowPaths, ...m.colPaths]) {
    expect(p.length).toBe(m.levels.length);
    for (const g of p) {
      if (typeof g !== 'string' || g === '') {
        throw new Error(`bad group name ${JSON.stringify(g)}`);
      }
    }
  }
  expect(typeof m.field.display).toBe('function');
  for (let i = 0; i < n; i++) {
    const s = m.presence[i];
    const v = m.values[i];
    if (!PRESENCE_CODES.has(s)) {
      throw new Error(`cell ${i}: presence ${s}`);
    }
    if (v === v) {
      // A value is never negative and only sits on a measured (or failed) pair.
      if (!(v >= 0) || (s !== MEASURED && s !== Status.Failed)) {
        throw new Error(`cell ${i}: value ${v} with presence ${s}`);
      }
    } else if (s === MEASURED && !m.loss) {
      throw new Error(`cell ${i}: measured without a latency or loss value`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Property 1: arbitrary frames never crash the pipeline, and every pixel is its status colour

const HUGE = 'x'.repeat(10_240);
const NASTY = ['<script>alert(1)</script>', '"q"', "it's", '\u202Eevil\u202C', '\u200Fרשת', '&amp;', '${x}', '\\', '`'];
const HOST_VALUES = ['a', 'b', 'c', 'h1', 'h2', 'h10', 'a:9115', 'b:9115', '[fe80::1]:9115', 'fe80::1', '10.0.0.1'];
const LABEL_VALUES = [...HOST_VALUES, ' a ', '', ' ', 'unknown', HUGE, ...NASTY];
const labelValue = fc.oneof(
  { arbitrary: fc.constantFrom(...HOST_VALUES), weight: 6 },
  { arbitrary: fc.constantFrom(...LABEL_VALUES), weight: 3 },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 1 }
);
const LABEL_NAMES = [
  'src',
  'dst',
  'instance',
  'target',
  'source',
  'host',
  'ip',
  'goldpinger_instance',
  'host_ip',
  'pod_ip',
  'tor',
  'dc',
  'region',
  'src_tor',
  'dst_tor',
  'src_dc',
  'dst_dc',
  'node',
  'label_zone',
  'le',
  'replica',
  '',
];
const labelName = fc.oneof(
  { arbitrary: fc.constantFrom(...LABEL_NAMES), weight: 8 },
  { arbitrary: fc.string({ maxLength: 4 }), weight: 1 }
);
/** Source/destination label pairs of the presets (and some that fit none). */
const PAIR_LABELS: Array<[string, string]> = [
  ['src', 'dst'],
  ['src', 'dst'],
  ['instance', 'target'],
  ['source', 'target'],
  ['goldpinger_instance', 'host_ip'],
  ['source', 'instance'],
  ['source', 'host'],
  ['src_tor', 'dst_tor'],
  ['node', 'node'],
  ['from', 'to'],
];
const METRICS = [
  'pingmesh_duration_milliseconds',
  'pingmesh_fail',
  'ping_loss_ratio',
  'ping_rtt_mean_seconds',
  'probe_icmp_duration_seconds',
  'goldpinger_peers_response_time_s',
  'network_monitor_latency',
  'smokeping_response_duration_seconds',
  'kube_node_labels',
  'pingmesh_pair_latency_seconds',
  'tor_pair:pingmesh_pair_latency_seconds:max',
  'x_drop_total',
  'x_latency_us',
  'x_seconds_bucket',
];
const metricArb = fc.option(fc.constantFrom(...METRICS), { nil: undefined });

/** Sample values as they may arrive: numbers, NaN/±Inf, negatives, nulls, strings from wire formats, booleans. */
const WEIRD_VALUES: unknown[] = [
  null,
  undefined,
  NaN,
  Infinity,
  -Infinity,
  -1,
  -0,
  0,
  1e308,
  Number.MAX_VALUE,
  5e-324,
  'NaN',
  '+Inf',
  '-Inf',
  '1e3',
  '',
  'abc',
  ' 7 ',
  true,
];
const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.integer({ min: -5, max: 2000 }), weight: 5 },
  { arbitrary: fc.double(), weight: 2 },
  { arbitrary: fc.constantFrom(...WEIRD_VALUES), weight: 3 }
);
/** What a label column may hold when a data source misbehaves. */
const columnCell: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: labelValue, weight: 10 },
  { arbitrary: fc.constantFrom(null, undefined, 7, 0, NaN, true, {}), weight: 1 }
);

/** The case's source/destination labels most of the time, any preset's now and then. */
const pairOf = (pair: [string, string]) =>
  fc.oneof({ arbitrary: fc.constant(pair), weight: 4 }, { arbitrary: fc.constantFrom(...PAIR_LABELS), weight: 1 });

const labelsArb = (pairLabels: [string, string]): fc.Arbitrary<Labels> =>
  fc
    .record({
      pair: pairOf(pairLabels),
      src: labelValue,
      dst: labelValue,
      extra: fc.dictionary(labelName, labelValue, { maxKeys: 4 }),
      fifty: fc.nat(7).map((k) => k === 0),
      metric: metricArb,
    })
    .map(({ pair, src, dst, extra, fifty, metric }) => {
      const labels: Labels = { ...extra, [pair[0]]: src, [pair[1]]: dst };
      if (fifty) {
        for (let i = 0; i < 50; i++) {
          labels[`l${i}`] = `v${i}`;
        }
      }
      if (metric) {
        labels.__name__ = metric;
      }
      return labels;
    });

const stepArb = fc.record({
  value: fc.oneof(fc.double(), fc.constantFrom(-Infinity, 0, 1, 10, 100)) as fc.Arbitrary<number>,
  color: fc.constantFrom('green', 'red', 'orange', '#123456', 'transparent', 'not-a-colour'),
});
const colorModeArb = fc.constantFrom<string | undefined>(
  undefined,
  FieldColorModeId.Thresholds,
  FieldColorModeId.ContinuousGrYlRd,
  FieldColorModeId.ContinuousBlPu,
  FieldColorModeId.ContinuousViridis,
  FieldColorModeId.ContinuousBlues,
  FieldColorModeId.Fixed,
  FieldColorModeId.Shades,
  FieldColorModeId.PaletteClassic,
  FieldColorModeId.PaletteSaturated,
  'no-such-mode'
);
const configArb: fc.Arbitrary<FieldConfig> = fc
  .record(
    {
      unit: fc.constantFrom('ms', 's', 'µs', 'ns', 'none', 'percent', 'no-such-unit'),
      thresholds: fc.record({
        mode: fc.constantFrom(ThresholdsMode.Absolute, ThresholdsMode.Percentage),
        // Saved dashboards keep the base step's value as null.
        steps: fc
          .array(stepArb, { maxLength: 4 })
          .map((steps) =>
            steps.map((s, i) => (i === 0 && s.value === 0 ? { ...s, value: null as unknown as number } : s))
          ),
      }),
      color: fc.record({ mode: colorModeArb, fixedColor: fc.constantFrom('blue', 'red', 'not-a-colour') }),
      min: fc.double(),
      max: fc.double(),
    },
    { requiredKeys: [] }
  )
  .map((c) => {
    const out = { ...c } as FieldConfig;
    if (c.color && c.color.mode === undefined) {
      delete out.color;
    }
    return out;
  });

const refIdArb = fc.oneof(
  { arbitrary: fc.constant<string | undefined>('A'), weight: 6 },
  { arbitrary: fc.constantFrom<string | undefined>('B', 'C', 'D', 'T', '', undefined), weight: 3 }
);

const timesArb = (n: number) =>
  fc
    .constantFrom('instant', 'range', 'repeating', 'strings', 'nulls')
    .map((kind) =>
      Array.from({ length: n }, (_, i) =>
        kind === 'instant'
          ? T0
          : kind === 'range'
            ? T0 + i * STEP
            : kind === 'repeating'
              ? T0 + (i % 3) * STEP
              : kind === 'strings'
                ? String(T0 + i * STEP)
                : i % 2
                  ? null
                  : T0 + i * STEP
      )
    );

/** One frame per series, as the backend converter emits it (also with the wrong value types). */
const seriesFrameArb = (pairLabels: [string, string]): fc.Arbitrary<DataFrame> =>
  fc
    .record({
      refId: refIdArb,
      labels: labelsArb(pairLabels),
      values: fc.array(valueArb, { maxLength: 5 }),
      config: configArb,
      meta: fc.boolean(),
      valueType: fc.constantFrom(FieldType.number, FieldType.number, FieldType.number, FieldType.string),
    })
    .chain((s) => timesArb(s.values.length).map((times) => ({ ...s, times })))
    .map(({ refId, labels, values, config, meta, valueType, times }) => {
      const { __name__, ...rest } = labels;
      return {
        refId,
        meta: meta ? { type: 'timeseries-multi', custom: { resultType: 'matrix' } } : undefined,
        fields: [
          { name: 'Time', type: FieldType.time, config: { interval: STEP }, values: times },
          { name: __name__ ?? 'Value', type: valueType, labels: rest, config, values },
        ],
        length: values.length,
      } as DataFrame;
    });

/** Table format: `[Time, <label columns sorted>, Value]`, with wrong types in label columns now and then. */
const tableFrameArb = (pairLabels: [string, string]): fc.Arbitrary<DataFrame> =>
  fc
    .record({
      refId: refIdArb,
      pair: pairOf(pairLabels),
      extra: fc.uniqueArray(labelName, { maxLength: 4 }),
      metric: metricArb,
      valueName: fc.constantFrom(
        'Value',
        'Value',
        'Value #A',
        'Value #B',
        'Value #C',
        'pingmesh_duration_milliseconds'
      ),
      rows: fc.integer({ min: 0, max: 8 }),
      withTime: fc.nat(4).map((k) => k > 0),
      config: configArb,
    })
    .chain((spec) => {
      const names = [...new Set([...spec.pair, ...spec.extra, ...(spec.metric ? ['__name__'] : [])])].sort();
      const column = (name: string) =>
        fc.record({
          type: fc.constantFrom(
            FieldType.string,
            FieldType.string,
            FieldType.string,
            FieldType.string,
            FieldType.number,
            FieldType.other
          ),
          values:
            name === '__name__'
              ? fc.constant(Array.from({ length: spec.rows }, () => spec.metric))
              : fc.array(
                  fc.oneof(
                    { arbitrary: fc.constantFrom(...HOST_VALUES), weight: 4 },
                    { arbitrary: columnCell, weight: 1 }
                  ),
                  { minLength: spec.rows, maxLength: spec.rows }
                ),
        });
      return fc
        .record({
          columns: fc.tuple(...names.map(column)),
          values: fc.array(valueArb, { minLength: spec.rows, maxLength: spec.rows }),
          times: timesArb(spec.rows),
        })
        .map(
          ({ columns, values, times }) =>
            ({
              refId: spec.refId,
              meta: { preferredVisualisationType: 'table' },
              fields: [
                ...(spec.withTime ? [{ name: 'Time', type: FieldType.time, config: {}, values: times }] : []),
                ...columns.map((c, k) => ({ name: names[k], type: c.type, config: {}, values: c.values })),
                { name: spec.valueName, type: FieldType.number, config: spec.config, values },
              ],
              length: spec.rows,
            }) as DataFrame
        );
    });

/** Anything: random fields of random types, missing fields, lengths that disagree. */
const wildFrameArb = (pairLabels: [string, string]): fc.Arbitrary<DataFrame> =>
  fc
    .record({
      refId: refIdArb,
      fields: fc.array(
        fc.record({
          name: fc.oneof(labelName, fc.constantFrom(...METRICS, 'Value', 'Time')),
          type: fc.constantFrom(FieldType.number, FieldType.string, FieldType.time, FieldType.boolean, FieldType.other),
          values: fc.array(fc.oneof(valueArb, columnCell), { maxLength: 6 }),
          labels: fc.option(labelsArb(pairLabels), { nil: undefined }),
          config: fc.oneof(fc.constant({}), configArb),
        }),
        { maxLength: 4 }
      ),
      length: fc.option(fc.nat(6), { nil: undefined }),
    })
    .map(
      ({ refId, fields, length }) =>
        ({
          refId,
          fields,
          length: length ?? Math.max(0, ...fields.map((f) => f.values.length)),
        }) as DataFrame
    );

const framesArb = (pair: [string, string]) =>
  fc.array(
    fc.oneof(
      { arbitrary: seriesFrameArb(pair), weight: 5 },
      { arbitrary: tableFrameArb(pair), weight: 3 },
      { arbitrary: wildFrameArb(pair), weight: 1 }
    ),
    { minLength: 1, maxLength: 8 }
  );

/** The default most of the time, else one of the alternatives. */
const mostly = <T>(usual: T, ...others: T[]) =>
  fc.oneof({ arbitrary: fc.constant(usual), weight: 5 }, { arbitrary: fc.constantFrom(...others), weight: 1 });

/** Options for frames whose pairs mostly carry these labels: auto-detected or custom, and now and then a mismatch. */
const optionsArb = (pair: [string, string]): fc.Arbitrary<ModelOptions> =>
  fc
    .record({
      // Auto-detection for the presets' labels, custom labels for the others; any preset now and then.
      preset: mostly(
        PRESETS.some((p) => p.source.includes(pair[0]) && p.destination.includes(pair[1]) && !p.byMetricOnly)
          ? 'auto'
          : 'custom',
        'auto',
        'custom',
        ...PRESETS.map((p) => p.id),
        'no-such-preset'
      ),
      sourceLabel: mostly(pair[0], 'src', 'instance', `nope,${pair[0]}`, '', ' , ', 'nope'),
      destinationLabel: mostly(pair[1], 'dst', 'target', 'host,ip', '', 'nope'),
      latencyRefId: mostly('', 'A', 'B', 'Z'),
      reducer: mostly(
        ReducerID.lastNotNull,
        ...(Object.values(ReducerID) as string[]),
        'no-such-reducer'
      ) as fc.Arbitrary<ReducerID>,
      inputUnit: fc.constantFrom<InputUnit>('auto', 's', 'ms', 'us', 'ns'),
      lossRefId: mostly('', 'none', 'B', 'Z'),
      failRefId: mostly('', 'none', 'C'),
      expectedRefId: mostly('', 'none', 'D', 'A'),
      baselineRefId: mostly('', 'none', 'D', 'B'),
      timestampRefId: mostly('', 'none', 'D'),
      missingMeans: fc.constantFrom<ModelOptions['missingMeans']>('auto', 'noData', 'notProbed', 'ok'),
      levels: fc.constantFrom(
        '',
        '',
        'tor',
        'dc,tor',
        'region,dc,tor',
        'zone=label_zone,tor',
        ' , ',
        '=x',
        'a=,b',
        'dc,dc'
      ),
      topologyRefIds: mostly('', 'T', 'T,C', 'A'),
      topologyHostLabels: mostly(DEFAULT_MODEL_OPTIONS.topologyHostLabels, '', 'node'),
    })
    .map((o) => ({ ...DEFAULT_MODEL_OPTIONS, ...o }));

const caseArb = fc.constantFrom(...PAIR_LABELS).chain((pair) => fc.tuple(framesArb(pair), optionsArb(pair)));

const slaArb: fc.Arbitrary<SlaConfig> = fc.record({
  mode: fc.constantFrom<SlaConfig['mode']>('auto', 'thresholds', 'scopes', 'baseline'),
  scopes: fc.constantFrom<SlaConfig['scopes']>(
    DEFAULT_SCOPE_SLAS,
    {},
    {
      'cross-zone': { latencyWarn: 0, latencyBreach: 0, lossWarn: 0, lossBreach: 0 },
    }
  ),
  lossWarn: fc.constantFrom(1e-4, 0),
  lossBreach: fc.constantFrom(1e-3, 0, Infinity),
  baselineWarn: fc.constantFrom(1.5, 0),
  baselineBreach: fc.constantFrom(3, 1),
  staleMs: fc.constantFrom(0, 1, 120_000),
});

const viewArb = fc.record({
  start: fc.nat(),
  toggles: fc.array(fc.nat(), { maxLength: 6 }),
  zoom: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
  aggregation: fc.constantFrom<Aggregation>('max', 'mean', 'p50', 'p90', 'p99'),
  sortBy: fc.constantFrom<SortBy>('name', 'worst', 'breaches'),
  dark: fc.boolean(),
  pool: fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 })),
});

describe('the pipeline on arbitrary frames', () => {
  it(`never throws, always gives a model or a warning, and paints every cell its status colour (${RUNS.neverThrows} runs)`, () => {
    fc.assert(
      fc.property(caseArb, slaArb, viewArb, ([frames, options], sla, v) => {
        stats.cases++;
        const theme = v.dark ? THEMES.dark : THEMES.light;
        const result = buildMatrix({ frames, options, theme });
        if (!result.model) {
          stats.warnings++;
          expect(typeof result.warning).toBe('string');
          expect(result.warning.length).toBeGreaterThan(0);
          return;
        }
        stats.models++;
        expect(result.warning).toBeUndefined();
        const model = result.model;
        expectSaneModel(model);

        const classified = classifyModel(model, sla);
        expect(classified.status.length).toBe(model.values.length);

        // Group ids to toggle and zoom into, from the trees of this model, plus ids that do not exist.
        const base = buildView({
          model,
          startLevel: '',
          toggled: new Set(),
          zoom: [],
          aggregation: 'max',
          sortBy: 'name',
          classified,
        });
        const rowIds = [...base.rowTree.byId.keys(), 'no-such-group', ''];
        const colIds = [...base.colTree.byId.keys(), 'no-such-group', 'unknown'];
        const starts = [...model.levels, 'host', '', 'no-such-level'];
        const view = buildView({
          model,
          startLevel: starts[v.start % starts.length],
          toggled: new Set(v.toggles.map((k) => [...rowIds, ...colIds][k % (rowIds.length + colIds.length)])),
          zoom: v.zoom.map(([r, c]) => ({ row: rowIds[r % rowIds.length], col: colIds[c % colIds.length] })),
          aggregation: v.aggregation,
          sortBy: v.sortBy,
          classified,
        });
        const { matrix } = view;
        const R = matrix.rows.length;
        const C = matrix.cols.length;
        expect(matrix.values.length).toBe(R * C);
        expect(matrix.status.length).toBe(R * C);
        for (const e of [...matrix.rows, ...matrix.cols]) {
          expect(e.end).toBeGreaterThan(e.start);
        }

        const colors = statusColors(theme, 'accessible');
        const painted = paintCells(matrix, theme, colors);
        expect(painted.rgba.length).toBe(R * C * 4);
        expectPaintedByStatus(matrix, pixels(painted, R * C), theme, colors);

        const [w, h] = v.pool;
        const pooled = poolWorst(painted, R, C, Math.min(w, C), Math.min(h, R));
        expect(pooled.rgba.length).toBe(pooled.width * pooled.height * 4);
      }),
      { numRuns: RUNS.neverThrows }
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property 2 (and 5): every input pair lands in exactly one cell, with its value × the unit factor

interface Flavour {
  name: string;
  options: Partial<ModelOptions>;
  srcLabel: string;
  dstLabel: string;
  metric?: string;
  /** Field unit (panel config). */
  unit: string;
  /** What one input unit is in the field unit, written out by hand (not from units.ts). */
  factor: number;
  srcRaw: (host: string) => string;
  /** Destination axis names from the generated ones (e.g. IPs for Goldpinger). */
  dstHosts?: (hosts: string[]) => string[];
}

const same = (h: string) => h;
const FLAVOURS: Flavour[] = [
  {
    name: 'generic src/dst, seconds → ms',
    options: {},
    srcLabel: 'src',
    dstLabel: 'dst',
    metric: 'pingmesh_pair_latency_seconds',
    unit: 'ms',
    factor: 1000,
    srcRaw: same,
  },
  {
    name: 'pingmesh-agent host:port sources, ms → s',
    options: {},
    srcLabel: 'instance',
    dstLabel: 'target',
    metric: 'pingmesh_duration_milliseconds',
    unit: 's',
    factor: 0.001,
    srcRaw: (h) => `${h}:9115`,
  },
  {
    name: 'Goldpinger node → IP, s → ms',
    options: { preset: 'goldpinger' },
    srcLabel: 'goldpinger_instance',
    dstLabel: 'host_ip',
    metric: 'goldpinger_peers_response_time_s',
    unit: 'ms',
    factor: 1000,
    srcRaw: same,
    dstHosts: (hosts) => hosts.map((_, i) => `10.0.${i >> 8}.${(i & 255) + 1}`),
  },
  {
    name: 'kube-network-monitor by metric name, s → ms',
    options: {},
    srcLabel: 'source',
    dstLabel: 'target',
    metric: 'network_monitor_latency',
    unit: 'ms',
    factor: 1000,
    srcRaw: same,
  },
  {
    name: 'custom labels, input unit µs option → ms',
    options: { preset: 'custom', sourceLabel: 'from', destinationLabel: 'to', inputUnit: 'us' },
    srcLabel: 'from',
    dstLabel: 'to',
    unit: 'ms',
    factor: 0.001,
    srcRaw: same,
  },
  {
    name: 'custom labels, ns metric suffix → µs',
    options: { preset: 'custom', sourceLabel: 'a', destinationLabel: 'b' },
    srcLabel: 'a',
    dstLabel: 'b',
    metric: 'rtt_nanoseconds',
    unit: 'µs',
    factor: 0.001,
    srcRaw: same,
  },
  {
    name: 'no unit conversion (ms → ms)',
    options: { inputUnit: 'ms' },
    srcLabel: 'src',
    dstLabel: 'dst',
    unit: 'ms',
    factor: 1,
    srcRaw: same,
  },
];

type Reducer = 'lastNotNull' | 'last' | 'max' | 'min' | 'mean';
const REDUCE: Record<Reducer, (xs: number[]) => number> = {
  lastNotNull: (xs) => xs[xs.length - 1],
  last: (xs) => xs[xs.length - 1],
  max: (xs) => Math.max(...xs),
  min: (xs) => Math.min(...xs),
  mean: (xs) => xs.reduce((a, b) => a + b, 0) / xs.length,
};

interface MeshCase {
  flavour: Flavour;
  src: string[];
  dst: string[];
  /** [source index, destination index, samples of each of the pair's series]. */
  pairs: Array<[number, number, number[][]]>;
  shape: 'series' | 'table' | 'mixed';
  split: boolean[];
  reducer: Reducer;
  warn: number;
  breach: number;
  colorMode?: string;
}

const finiteValue = fc.oneof(
  fc.constantFrom(0, 0.5, 1, 3, 10, 99.5, 100, 250),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true })
);

function meshArb(hostName: fc.Arbitrary<string>, flavours: Flavour[]): fc.Arbitrary<MeshCase> {
  return fc
    .record({
      flavour: fc.constantFrom(...flavours),
      hosts: fc.uniqueArray(hostName, { minLength: 1, maxLength: 7 }),
      others: fc.uniqueArray(hostName, { minLength: 1, maxLength: 5 }),
      axes: fc.constantFrom('shared', 'disjoint', 'overlap'),
    })
    .chain(({ flavour, hosts, others, axes }) => {
      const src = hosts;
      const extra = others.filter((o) => !hosts.includes(o));
      let dst = axes === 'shared' || extra.length === 0 ? hosts : axes === 'disjoint' ? extra : [...hosts, ...extra];
      dst = flavour.dstHosts ? flavour.dstHosts(dst) : dst;
      return fc.record({
        flavour: fc.constant(flavour),
        src: fc.constant(src),
        dst: fc.constant(dst),
        pairs: fc.uniqueArray(
          fc.tuple(
            fc.nat(src.length - 1),
            fc.nat(dst.length - 1),
            // one to three series per pair (duplicates), each with one (instant) to four samples (range)
            fc.array(fc.array(finiteValue, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 })
          ),
          { minLength: 1, maxLength: 30, selector: ([s, d]) => `${s},${d}` }
        ),
        shape: fc.constantFrom<MeshCase['shape']>('series', 'table', 'mixed'),
        split: fc.array(fc.boolean(), { minLength: 90, maxLength: 90 }),
        reducer: fc.constantFrom<Reducer>('lastNotNull', 'last', 'max', 'min', 'mean'),
        warn: fc.constantFrom(0.5, 10, 50),
        breach: fc.constantFrom(1, 100, 1000, 1e9),
        colorMode: fc.constantFrom(undefined, FieldColorModeId.Thresholds),
      });
    });
}

function meshFrames(c: MeshCase): DataFrame[] {
  const { flavour } = c;
  const specs: SeriesSpec[] = [];
  for (const [s, d, series] of c.pairs) {
    series.forEach((values, k) => {
      const labels: Labels = { [flavour.srcLabel]: flavour.srcRaw(c.src[s]), [flavour.dstLabel]: c.dst[d] };
      if (series.length > 1) {
        labels.replica = `r${k}`;
      }
      if (flavour.metric) {
        labels.__name__ = flavour.metric;
      }
      specs.push({ labels, values });
    });
  }
  const config: FieldConfig = {
    unit: flavour.unit,
    color: c.colorMode ? { mode: c.colorMode } : undefined,
    thresholds: {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: c.warn, color: 'orange' },
        { value: c.breach, color: 'red' },
      ],
    },
  };
  const asSeries = c.shape === 'series' ? specs : c.shape === 'table' ? [] : specs.filter((_, i) => c.split[i % 90]);
  const asTable = specs.filter((s) => !asSeries.includes(s));
  const frames = [...seriesFrames(asSeries), ...(asTable.length > 0 ? [tableFrame(asTable)] : [])];
  if (c.split[0]) {
    frames.reverse();
  }
  for (const f of frames) {
    for (const field of f.fields) {
      if (field.type === FieldType.number) {
        field.config = config;
      }
    }
  }
  return frames;
}

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

function expectEveryPairInItsCell(c: MeshCase): MatrixModel {
  const theme = THEMES.dark;
  const result = buildMatrix({
    frames: meshFrames(c),
    options: { ...DEFAULT_MODEL_OPTIONS, ...c.flavour.options, reducer: c.reducer as ReducerID },
    theme,
  });
  if (!result.model) {
    throw new Error(`no model (${c.flavour.name}): ${result.warning}`);
  }
  const m = result.model;
  expectSaneModel(m);

  // Every host exactly once on its axis, and nothing else.
  const srcUsed = new Set(c.pairs.map(([s]) => c.src[s]));
  const dstUsed = new Set(c.pairs.map(([, d]) => c.dst[d]));
  const sorted = (xs: Iterable<string>) => [...xs].sort();
  if (m.rows === m.cols) {
    expect(sorted(m.rows)).toEqual(sorted(new Set([...srcUsed, ...dstUsed])));
  } else {
    expect(sorted(m.rows)).toEqual(sorted(srcUsed));
    expect(sorted(m.cols)).toEqual(sorted(dstUsed));
  }

  // Each pair's cell holds the worst of its series' reduced values, times the unit factor; no other cell has one.
  const C = m.cols.length;
  const expected = new Map<number, number>();
  for (const [s, d, series] of c.pairs) {
    const r = m.rows.indexOf(c.src[s]);
    const k = m.cols.indexOf(c.dst[d]);
    expect(r).toBeGreaterThanOrEqual(0);
    expect(k).toBeGreaterThanOrEqual(0);
    const worst = Math.max(...series.map(REDUCE[c.reducer]));
    expected.set(r * C + k, worst * c.flavour.factor);
  }
  expect(expected.size).toBe(c.pairs.length);
  for (let i = 0; i < m.values.length; i++) {
    const want = expected.get(i);
    if (want === undefined) {
      expect(m.presence[i]).not.toBe(MEASURED);
      expect(m.values[i]).toBeNaN();
    } else {
      expect(m.presence[i]).toBe(MEASURED);
      if (!close(m.values[i], want)) {
        throw new Error(`cell ${i}: value ${m.values[i]}, expected ${want}`);
      }
    }
  }
  expect(m.pairs).toBe(c.pairs.length);
  expect(m.duplicates).toBe(c.pairs.filter(([, , series]) => series.length > 1).length);
  stats.pairs += c.pairs.length;

  // No wrong colour: each pair is judged against the field thresholds and painted that status' colour.
  const classified = classifyModel(m, DEFAULT_SLA_CONFIG);
  const colors = statusColors(theme, 'accessible');
  const px = pixels(paintCells({ ...m, status: classified.status }, theme, colors), m.values.length);
  for (const i of expected.keys()) {
    const v = m.values[i];
    // Steps are judged in ascending order (sortThresholds), whatever order they were saved in: a "warning" step
    // above the "breach" one makes the higher of the two the breach level.
    const [warn, breach] = [Math.min(c.warn, c.breach), Math.max(c.warn, c.breach)];
    const st = v >= breach ? Status.Breach : v >= warn ? Status.Warning : Status.OK;
    expect(classified.status[i]).toBe(st);
    expect(px[i]).toBe(word(colors[st]));
  }
  expectPaintedByStatus({ ...m, status: classified.status }, px, theme, colors);
  return m;
}

const plainHost = fc.stringMatching(/^[a-z][a-z0-9.-]{0,7}$/);

describe('valid meshes', () => {
  it(`put every input pair in exactly one cell, with the worst of its series × the unit factor (${RUNS.everyPair} runs)`, () => {
    fc.assert(
      fc.property(meshArb(plainHost, FLAVOURS), (c) => {
        stats.cases++;
        expectEveryPairInItsCell(c);
      }),
      { numRuns: RUNS.everyPair }
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property 5: label values are text, not markup

const FRAGMENTS = [
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '</div>',
  '"',
  "'",
  '`',
  '&amp;',
  '&lt;b&gt;',
  '${jndi:x}',
  '{{x}}',
  '\\',
  '\u202E', // right-to-left override
  '\u202C',
  '\u200F', // right-to-left mark
  '\u200E',
  '\u2066',
  'שלום',
  'مرحبا',
  '👩‍💻',
  'e\u0301',
  '%s',
  '\u001f',
  '\n',
  'a',
];
/** Host names the pipeline normalises on purpose (hostId.ts): surrounding spaces, a `:port`, `[IPv6]`. */
const normalised = (v: string) => v.trim() !== v || /:\d+$/.test(v) || v.startsWith('[') || v === '';
const nastyHost = fc
  .oneof(
    fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
    fc.constant(`<b>${'x'.repeat(10_240)}</b>`)
  )
  .filter((v) => !normalised(v));

describe('label values', () => {
  it(`round-trip unchanged into model.rows and cols, HTML, quotes and RTL marks included (${RUNS.roundTrip} runs)`, () => {
    const generic = FLAVOURS.filter((f) => f.name.startsWith('generic') || f.name.startsWith('no unit'));
    fc.assert(
      fc.property(meshArb(nastyHost, generic), (c) => {
        stats.cases++;
        stats.roundTrip++;
        const m = expectEveryPairInItsCell(c);
        for (const [s, d] of c.pairs) {
          expect(m.rows.filter((r) => r === c.src[s])).toHaveLength(1);
          expect(m.cols.filter((k) => k === c.dst[d])).toHaveLength(1);
          expect(m.source.hostOf(c.src[s])).toBe(c.src[s]);
        }
      }),
      { numRuns: RUNS.roundTrip }
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Bugs the properties above found, kept as minimal regression cases (all fixed).

describe('found by the properties', () => {
  const theme = THEMES.dark;
  const colors = statusColors(theme, 'accessible');

  it('fixed: a label value that is not a string (a number, null) on the number field throws', () => {
    // Labels are typed Record<string, string>, but non-Prometheus sources and transformations can put other values
    // there. Throws "TypeError: value.trim is not a function" in hostIdentity (via labelReader's fixed-label branch).
    for (const src of [5, null] as unknown as string[]) {
      const frames = seriesFrames([{ labels: { src, dst: 'b' }, values: [1] }]);
      const result = buildMatrix({ frames, options: DEFAULT_MODEL_OPTIONS, theme });
      expect(result.model ?? result.warning).toBeDefined();
    }
  });

  it.each([
    FieldColorModeId.Fixed,
    FieldColorModeId.Shades,
    FieldColorModeId.PaletteClassic,
    FieldColorModeId.PaletteClassicByName,
    FieldColorModeId.PaletteSaturated,
  ])('fixed: colour scheme %s (not continuous) paints an over-SLA cell like an OK one', (mode) => {
    // paint.ts takes every mode but "thresholds" as a continuous scheme; a single-colour scheme then paints every
    // judged cell the same colour, and over SLA cannot be told from OK.
    const frames = seriesFrames([
      { labels: { src: 'a', dst: 'b' }, values: [1] },
      { labels: { src: 'b', dst: 'a' }, values: [500] },
    ]);
    for (const f of frames) {
      f.fields[1].config = {
        unit: 'ms',
        color: { mode, fixedColor: 'blue' },
        thresholds: {
          mode: ThresholdsMode.Absolute,
          steps: [
            { value: -Infinity, color: 'green' },
            { value: 100, color: 'red' },
          ],
        },
      };
    }
    const m = buildMatrix({ frames, options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms' }, theme }).model!;
    const classified = classifyModel(m, DEFAULT_SLA_CONFIG);
    expect(Array.from(classified.status)).toEqual([Status.Self, Status.OK, Status.Breach, Status.Self]);
    const px = pixels(paintCells({ ...m, status: classified.status }, theme, colors), 4);
    expect(px[1]).toBe(word(colors[Status.OK]));
    expect(px[2]).toBe(word(colors[Status.Breach]));
  });

  it('fixed: a finite latency that overflows on unit conversion becomes a valid value of Infinity', () => {
    // 1e308 s is 1e311 ms: the model keeps Infinity with state Value (an "OK"-coloured reading under a continuous
    // scheme, range max Infinity), where NaN/±Inf are documented as Invalid.
    const frames = seriesFrames([
      { labels: { __name__: 'x_seconds', src: 'a', dst: 'b' }, values: [1e308] },
      { labels: { __name__: 'x_seconds', src: 'b', dst: 'a' }, values: [0.001] },
    ]);
    const m = buildMatrix({ frames, options: DEFAULT_MODEL_OPTIONS, theme }).model!;
    expect(m.presence[1] === MEASURED && !Number.isFinite(m.values[1])).toBe(false);
  });

  it('fixed: in a range table, label values with NUL can merge two series into one', () => {
    // collect() keys range-table series by their label columns joined with \u0000: (dst 'b\0', src 'a') and
    // (dst 'b', src '\0a') both give 'b\0\0a'. The second series is folded into the first: host '\0a' disappears
    // and a → 'b\0' shows the other pair's 200 instead of its own 2.
    const frame = tableFrame([
      { labels: { src: 'a', dst: 'b\u0000' }, values: [1, 2] },
      { labels: { src: '\u0000a', dst: 'b' }, values: [100, 200] },
    ]);
    const m = buildMatrix({ frames: [frame], options: DEFAULT_MODEL_OPTIONS, theme }).model!;
    expect(m.pairs).toBe(2);
    expect([...m.rows].sort()).toEqual(['\u0000a', 'a']);
  });
});
