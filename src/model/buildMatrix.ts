import { DataFrame, Field, FieldConfig, FieldType, GrafanaTheme2, ReducerID, getDisplayProcessor } from '@grafana/data';
import { t } from '@grafana/i18n';

import { RAW } from '../i18nText';
import { ModelOptions } from '../types';
import { hostIdentity } from './hostId';
import { LabelMapping, detectPreset, findPreset, presetLabel, splitLabels } from './presets';
import {
  LabelReader,
  NumberFieldView,
  labelNames,
  labelReader,
  metricNames,
  numberFieldViews,
  oneSampleReducer,
  reduceValues,
  refIdOf,
} from './series';
import { LevelSpec, PairTopology, TopologyTable, UNKNOWN_GROUP, parseLevels, topologyFromFrames } from './topology';
import { CellState, MatrixModel, PairSource } from './types';
import { conversionFactor, inputUnitOf } from './units';

export interface BuildMatrixInput {
  frames: DataFrame[];
  options: ModelOptions;
  theme: GrafanaTheme2;
}

export type BuildMatrixResult = { model: MatrixModel; warning?: undefined } | { warning: string; model?: undefined };

const MAX_LISTED = 12;
const listed = (names: Iterable<string>) => {
  const all = [...names].sort();
  const shown = all.slice(0, MAX_LISTED).map((n) => `\`${n}\``);
  if (all.length > MAX_LISTED) {
    return t('model.list.more', '{{names}} … ({{total}} in all)', {
      names: shown.join(', '),
      total: String(all.length),
      ...RAW,
    });
  }
  return shown.join(', ') || t('model.list.none', 'none');
};

/** "`a` or `b` or `c`": label names joined by the translated "or". */
const orList = (names: string[]) =>
  names.map((n) => `\`${n}\``).reduce((a, b) => t('model.list.or', '{{a}} or {{b}}', { a, b, ...RAW }));

/**
 * The matrix is dense (hosts² cells): beyond this many hosts it would not fit in memory or on screen, and the
 * panel asks for grouping on the query side instead.
 */
export const MAX_HOSTS = 4096;

/** One entry per pair: the worst of its series. */
interface PairAcc {
  src: Int32Array;
  dst: Int32Array;
  value: Float64Array;
  /** 0 = no sample, 1 = valid, 2 = invalid (NaN, ±Inf, negative). */
  kind: Uint8Array;
  series: Uint32Array;
  /** Time of the newest sample per pair (latency only; empty otherwise); NaN when unknown. */
  newest: Float64Array;
  length: number;
}

/** The pair queries besides latency, folded like it. */
interface ExtraMetrics {
  loss?: PairAcc;
  fail?: PairAcc;
  expected?: PairAcc;
  baseline?: PairAcc;
  /** Epoch seconds of each pair's newest sample (e.g. `timestamp(metric)`). */
  timestamp?: PairAcc;
  /** What a pair with no series at all means. */
  missing: 'noData' | 'notProbed' | 'ok';
}

interface PairRoles {
  latency: string;
  loss?: string;
  fail?: string;
  expected?: string;
  baseline?: string;
  timestamp?: string;
  missing: ModelOptions['missingMeans'];
  notes: string[];
}

const LOSS_METRIC = /loss|drop/i;
const FAIL_METRIC = /fail/i;

/**
 * Which query is which: explicit refIds from the options, else by metric name (a query whose metric names mention
 * loss or drops is the loss query, one mentioning failures the probe-failure query); latency is the first other one.
 */
function pairRoles(
  options: ModelOptions,
  refIds: string[],
  topologyRefIds: string[],
  metricsOf: (refId: string) => Set<string>
): PairRoles {
  const notes: string[] = [];
  const pick = (option: string) => (option === '' || option === 'none' ? undefined : option);
  const expected = pick(options.expectedRefId);
  const baseline = pick(options.baselineRefId);
  const timestamp = pick(options.timestampRefId);
  const others = refIds.filter(
    (r) => !topologyRefIds.includes(r) && r !== expected && r !== baseline && r !== timestamp
  );
  const named = (r: string, re: RegExp) => [...metricsOf(r)].some((m) => re.test(m));
  const kind = (r: string) => (named(r, LOSS_METRIC) ? 'loss' : named(r, FAIL_METRIC) ? 'fail' : undefined);
  const latency = pick(options.latencyRefId) ?? others.find((r) => kind(r) === undefined) ?? others[0] ?? refIds[0];
  const auto = (option: string, k: 'loss' | 'fail') =>
    option === 'none' ? undefined : (pick(option) ?? others.find((r) => r !== latency && kind(r) === k));
  const loss = auto(options.lossRefId, 'loss');
  const fail = auto(options.failRefId, 'fail');
  // One whole sentence per query role, so a translation can put the role where its language wants it.
  const missingNotes: Array<[string | undefined, (refId: string) => string]> = [
    [loss, (refId) => t('model.notice.no-frames-loss', 'No frames for the loss query `{{refId}}`.', { refId, ...RAW })],
    [
      fail,
      (refId) =>
        t('model.notice.no-frames-fail', 'No frames for the probe failure query `{{refId}}`.', { refId, ...RAW }),
    ],
    [
      expected,
      (refId) =>
        t('model.notice.no-frames-expected', 'No frames for the expected pairs query `{{refId}}`.', {
          refId,
          ...RAW,
        }),
    ],
    [
      baseline,
      (refId) =>
        t('model.notice.no-frames-baseline', 'No frames for the baseline query `{{refId}}`.', { refId, ...RAW }),
    ],
    [
      timestamp,
      (refId) =>
        t('model.notice.no-frames-timestamp', 'No frames for the sample time query `{{refId}}`.', { refId, ...RAW }),
    ],
  ];
  for (const [r, note] of missingNotes) {
    if (r !== undefined && !refIds.includes(r)) {
      notes.push(note(r));
    }
  }
  const missing = expected !== undefined ? 'notProbed' : options.missingMeans;
  return { latency, loss, fail, expected, baseline, timestamp, missing, notes };
}

/**
 * frames → one value per (source, destination) host pair. Pure; bad input gives `{ warning }`, never a throw.
 */
export function buildMatrix(input: BuildMatrixInput): BuildMatrixResult {
  const steps = buildMatrixSteps(input);
  let step = steps.next();
  while (!step.done) {
    step = steps.next();
  }
  return step.value;
}

/** Rows between yields: about 2–5 ms of work, so a scheduler can keep the page answering while a big mesh builds. */
export const ROWS_PER_STEP = 16384;

/**
 * Raw label → axis name. Module level on purpose: the model keeps this function (source.hostOf), and a closure made
 * inside buildMatrixSteps would share the generator's context — every raw pair (rawSrc/rawDst/rawValue) of the build.
 */
function nameHost(alias: Map<string, string>, label: string): string {
  const host = hostIdentity(label);
  return alias.get(host) ?? host;
}

/**
 * The same build, as steps: it yields every few thousand rows, so a caller can spread a big mesh over several tasks
 * (see useMatrixModel) instead of freezing the page. `buildMatrix` runs it to the end at once.
 */
export function* buildMatrixSteps({ frames, options, theme }: BuildMatrixInput): Generator<void, BuildMatrixResult> {
  const withFields = frames.filter((f) => f.fields.length > 0 && f.length > 0);
  if (withFields.length === 0) {
    return { warning: t('model.warning.no-series', 'No data: the query returned no series.') };
  }
  const refIds = [...new Set(withFields.map(refIdOf))];
  const topologyRefIds = splitLabels(options.topologyRefIds);
  const viewsOf = (r: string) => withFields.filter((f) => refIdOf(f) === r).flatMap(numberFieldViews);
  const roles = pairRoles(options, refIds, topologyRefIds, (r) => new Set(viewsOf(r).flatMap(metricNames)));
  const refId = roles.latency;
  const views = viewsOf(refId);
  if (!refIds.includes(refId)) {
    return {
      warning: t(
        'model.warning.no-latency-frames',
        'No frames for the latency query `{{refId}}`; queries seen: {{seen}}.',
        {
          refId,
          seen: listed(refIds),
          ...RAW,
        }
      ),
    };
  }
  if (views.length === 0) {
    return {
      warning: t(
        'model.warning.no-number-field',
        'Query `{{refId}}` has no numeric field: a latency query must return numbers.',
        { refId, ...RAW }
      ),
    };
  }

  const labelsSeen = new Set(views.flatMap(labelNames));
  const metricsSeen = new Set(views.flatMap(metricNames));
  const notices: string[] = [];
  const mapping = resolveMapping(options, labelsSeen, metricsSeen);
  if ('warning' in mapping) {
    return mapping;
  }

  const levels = parseLevels(options.levels);
  const table = topologyFromFrames(withFields, topologyRefIds, splitLabels(options.topologyHostLabels), levels);
  const pairTopology = new PairTopology(levels);

  const hosts = new Map<string, number>();
  const hostNames: string[] = [];
  const intern = (raw: string) => {
    let id = hosts.get(raw);
    if (id === undefined) {
      id = hostNames.length;
      hosts.set(raw, id);
      hostNames.push(raw);
    }
    return id;
  };
  // Raw label → axis name; the model keeps it for the pair view (no per-host memory beyond the alias table).
  // A bound function, not a closure from a factory: terser inlines a single-use factory into this generator, and the
  // closure would then share the generator's context again (rawSrc/rawDst/rawValue, withFields = the response).
  const hostName: (label: string) => string = nameHost.bind(undefined, table.alias);
  const identity = new Map<string, number>();
  // Table rows come sorted by labels, so one side repeats for long runs: remember the last label seen.
  let lastLabel = '';
  let lastId = -1;
  const hostOf = (label: string) => {
    if (label === lastLabel) {
      return lastId;
    }
    let id = identity.get(label);
    if (id === undefined) {
      id = intern(hostName(label));
      identity.set(label, id);
    }
    lastLabel = label;
    lastId = id;
    return id;
  };

  // Every series' (source, destination, value) first; duplicates are folded once the host count is known.
  const rawSrc: number[] = [];
  const rawDst: number[] = [];
  const rawValue: Array<number | null> = [];
  let missingLabel = 0;
  let readers = 0;
  let levelReaders: ReturnType<PairTopology['readers']> = { src: [], dst: [] };
  const add = (s: number, d: number, v: number | null, row: number) => {
    if (levels.length > 0) {
      pairTopology.note(s, levelReaders.src, row);
      pairTopology.note(d, levelReaders.dst, row);
    }
    rawSrc.push(s);
    rawDst.push(d);
    rawValue.push(v);
  };

  const rawNewest: number[] = [];
  let seriesSinceYield = 0;
  for (const view of views) {
    if (++seriesSinceYield === 1024) {
      seriesSinceYield = 0;
      yield;
    }
    const src = labelReader(view, mapping.source);
    const dst = labelReader(view, mapping.destination);
    if (!src || !dst) {
      missingLabel += seriesCount(view);
      continue;
    }
    readers++;
    levelReaders = pairTopology.readers(view);
    yield* collect({
      view,
      src,
      dst,
      reducer: options.reducer,
      hostOf,
      add,
      skip: () => missingLabel++,
      newest: (t) => rawNewest.push(t),
    });
  }

  // The other pair queries (loss, probe failures, expected pairs, baseline): same labels, same hosts.
  const labels: ResolvedMapping = mapping;
  function* gather(r: string | undefined, reducer: ReducerID) {
    if (r === undefined) {
      return undefined;
    }
    const out: Raw = { src: [], dst: [], value: [] };
    for (const view of viewsOf(r)) {
      const src = labelReader(view, labels.source);
      const dst = labelReader(view, labels.destination);
      if (!src || !dst) {
        continue;
      }
      levelReaders = pairTopology.readers(view);
      yield* collect({
        view,
        src,
        dst,
        reducer,
        hostOf,
        add: (s, d, v, row) => {
          if (levels.length > 0) {
            pairTopology.note(s, levelReaders.src, row);
            pairTopology.note(d, levelReaders.dst, row);
          }
          out.src.push(s);
          out.dst.push(d);
          out.value.push(v);
        },
        skip: () => {},
      });
    }
    return out;
  }
  const rawLoss = yield* gather(roles.loss, options.reducer);
  const rawFail = yield* gather(roles.fail, ReducerID.lastNotNull);
  const rawExpected = yield* gather(roles.expected, ReducerID.lastNotNull);
  const rawBaseline = yield* gather(roles.baseline, ReducerID.lastNotNull);
  const rawTimestamp = yield* gather(roles.timestamp, ReducerID.max);
  yield;

  // Cardinality guard: more hosts than the panel should draw one by one become their groups (the deepest level that
  // fits), worst pair per cell, instead of a hosts² matrix that would freeze the page.
  const maxHosts = Math.min(options.maxHosts > 0 ? options.maxHosts : MAX_HOSTS, MAX_HOSTS);
  let grouped: GroupedAxes | undefined;
  if (hostNames.length > maxHosts) {
    grouped = groupHosts(hostNames, hostPaths({ levels, table, pairs: pairTopology }, hostNames), levels, maxHosts);
    if (!grouped) {
      return {
        warning: t(
          'model.warning.too-many-hosts',
          '{{hosts}} hosts is more than this panel draws one by one ({{max}}, *Max hosts*), and there is no grouping level with fewer groups: set *Group by* (e.g. region,dc,az,tor), aggregate in the query (the ToR recording rules), or filter it.',
          { hosts: hostNames.length.toLocaleString('en-US'), max: maxHosts.toLocaleString('en-US'), ...RAW }
        ),
      };
    }
    const remap = (ids: number[]) => {
      for (let k = 0; k < ids.length; k++) {
        ids[k] = grouped!.groupOf[ids[k]];
      }
    };
    for (const raw of [{ src: rawSrc, dst: rawDst }, rawLoss, rawFail, rawExpected, rawBaseline, rawTimestamp]) {
      if (raw) {
        remap(raw.src);
        remap(raw.dst);
      }
    }
    notices.push(
      t(
        'model.notice.grouped-hosts',
        '{{hosts}} hosts is more than Max hosts ({{max}}): showing {{level}} × {{level}}, the worst pair in each cell. Filter the query (e.g. by a $dc variable) or raise Max hosts to see hosts.',
        {
          hosts: hostNames.length.toLocaleString('en-US'),
          max: maxHosts.toLocaleString('en-US'),
          level: grouped.level,
          ...RAW,
        }
      )
    );
  }
  yield;
  const axisNames = grouped ? grouped.names : hostNames;
  const hostCount = axisNames.length;
  // Ages only from range data (one newest time per series); instant data has none.
  const acc = foldPairs(rawSrc, rawDst, rawValue, hostCount, rawNewest.length > 0 ? rawNewest : undefined);
  const fold = (raw: Raw | undefined) => raw && foldPairs(raw.src, raw.dst, raw.value, hostCount);
  yield;
  const extra: ExtraMetrics = {
    loss: fold(rawLoss),
    fail: fold(rawFail),
    expected: fold(rawExpected),
    baseline: fold(rawBaseline),
    timestamp: fold(rawTimestamp),
    // Breach-only exporters (kubeservice pingmesh-agent) export a pair only when it is slow or failing.
    missing: roles.missing === 'auto' ? (mapping.preset?.breachOnly ? 'ok' : 'noData') : roles.missing,
  };
  if (readers === 0 || (acc.length === 0 && !extra.loss?.length && !extra.fail?.length)) {
    const absent = [...mapping.source, ...mapping.destination].filter((l) => !labelsSeen.has(l));
    const seen = listed(labelsSeen);
    return {
      warning:
        absent.length > 0
          ? t('model.warning.no-pair-label', 'No series has label {{labels}}; labels seen: {{seen}}.', {
              labels: orList(absent),
              seen,
              ...RAW,
            })
          : t(
              'model.warning.no-pair-label-value',
              'No series has a non-empty source and destination label; labels seen: {{seen}}.',
              { seen, ...RAW }
            ),
    };
  }
  if (missingLabel > 0) {
    notices.push(
      t('model.notice.skipped-series', '{{n}} series without a {{source}} or {{destination}} label were skipped.', {
        n: String(missingLabel),
        source: mapping.source.join('/'),
        destination: mapping.destination.join('/'),
        ...RAW,
      })
    );
  }

  const firstField = views[0].field;
  const unit = firstField.config.unit ?? 'ms';
  const fromUnit = inputUnitOf(options.inputUnit, metricsSeen, mapping.preset);
  const factor = conversionFactor(fromUnit, unit);
  if (factor !== 1) {
    notices.push(
      t('model.notice.converted', 'Values converted from {{from}} to {{to}}.', { from: fromUnit, to: unit, ...RAW })
    );
  }
  const topology = { levels, table, pairs: pairTopology };
  const model = assemble({
    acc,
    hostNames: axisNames,
    grouped,
    factor,
    config: { ...firstField.config, unit },
    theme,
    notices,
    mapping,
    topology,
    source: { refId, factor, hostOf: hostName, lossRefId: roles.loss },
    extra,
  });
  if (roles.notes.length > 0) {
    model.notices.push(...roles.notes);
  }
  return { model };
}

type ResolvedMapping = LabelMapping & { detected: boolean };

function resolveMapping(
  options: ModelOptions,
  labelsSeen: Set<string>,
  metricsSeen: Set<string>
): ResolvedMapping | { warning: string } {
  if (options.preset === 'custom') {
    return {
      source: splitLabels(options.sourceLabel),
      destination: splitLabels(options.destinationLabel),
      detected: false,
    };
  }
  if (options.preset !== 'auto') {
    const preset = findPreset(options.preset);
    if (!preset) {
      return {
        warning: t(
          'model.warning.unknown-preset',
          'Unknown exporter preset `{{preset}}`: choose one in the panel options.',
          {
            preset: options.preset,
            ...RAW,
          }
        ),
      };
    }
    return { source: preset.source, destination: preset.destination, preset, detected: false };
  }
  const found = detectPreset(labelsSeen, metricsSeen);
  if (!found) {
    return {
      warning: t(
        'model.warning.no-preset',
        'No exporter preset fits these series (labels seen: {{seen}}). Choose a preset or set the source and destination labels under Custom.',
        { seen: listed(labelsSeen), ...RAW }
      ),
    };
  }
  if ('ambiguous' in found) {
    return {
      warning: t(
        'model.warning.ambiguous-preset',
        'Several exporter presets fit these labels ({{presets}}): choose one in the panel options.',
        { presets: found.ambiguous.map(presetLabel).join('; '), ...RAW }
      ),
    };
  }
  return { ...found.mapping, detected: true };
}

function seriesCount(view: NumberFieldView): number {
  return view.labelColumns.length === 0 ? 1 : view.field.values.length;
}

interface CollectInput {
  view: NumberFieldView;
  src: LabelReader;
  dst: LabelReader;
  reducer: ReducerID;
  hostOf: (label: string) => number;
  add: (s: number, d: number, v: number | null, row: number) => void;
  skip: () => void;
  /** Called after each `add` with the time of the series' newest sample (NaN when unknown), when given. */
  newest?: (t: number) => void;
}

/** Pair samples gathered from one query, before folding. */
interface Raw {
  src: number[];
  dst: number[];
  value: Array<number | null>;
}

function* collect({ view, src, dst, reducer, hostOf, add, skip, newest }: CollectInput): Generator<void, void> {
  const values = view.field.values;
  const time = view.frame.fields.find((f) => f.type === FieldType.time);
  const times = time?.values as number[] | undefined;
  if (view.labelColumns.length === 0) {
    // One frame per series: labels are constant, rows are samples over time.
    const s = src.read(0);
    const d = dst.read(0);
    if (s === undefined || d === undefined) {
      skip();
      return;
    }
    add(hostOf(s), hostOf(d), values.length === 0 ? null : reduceValues(values, reducer), 0);
    if (newest) {
      let k = values.length - 1;
      while (k >= 0 && values[k] == null) {
        k--;
      }
      newest(k >= 0 && times ? Number(times[k]) : NaN);
    }
    return;
  }
  function* eachRow(fn: (row: number, s: string, d: string) => void) {
    for (let row = 0; row < values.length; row++) {
      if ((row & (ROWS_PER_STEP - 1)) === ROWS_PER_STEP - 1) {
        yield;
      }
      const s = src.read(row);
      const d = dst.read(row);
      if (s === undefined || d === undefined) {
        skip();
      } else {
        fn(row, s, d);
      }
    }
  }
  if (!time || isSingleInstant(time)) {
    // Instant table: every row is its own series.
    const reduce = oneSampleReducer(reducer);
    // One evaluation time for every row: no sample ages to learn (a sample time query gives them).
    yield* eachRow((row, s, d) => add(hostOf(s), hostOf(d), reduce(values[row]), row));
    return;
  }
  // Range table: rows of one series share all label columns; group them, then reduce each series.
  const bySeries = new Map<string, { s: number; d: number; values: unknown[]; row: number; newest: number }>();
  yield* eachRow((row, s, d) => {
    // Length-prefixed, so no label value (NUL included) can make two series' keys equal.
    let key = '';
    for (const c of view.labelColumns) {
      const v = String(c.values[row]);
      key += `${v.length}:${v}`;
    }
    let series = bySeries.get(key);
    if (!series) {
      series = { s: hostOf(s), d: hostOf(d), values: [], row, newest: NaN };
      bySeries.set(key, series);
    }
    series.values.push(values[row]);
    if (values[row] != null && !(Number(times![row]) <= series.newest)) {
      series.newest = Number(times![row]);
    }
  });
  for (const series of bySeries.values()) {
    add(series.s, series.d, reduceValues(series.values, reducer), series.row);
    newest?.(series.newest);
  }
}

/** A host's group at each level: its pair labels first, then the topology query, else "unknown". */
function hostPaths(topology: AssembleInput['topology'], hostNames: string[]) {
  const { levels, table, pairs } = topology;
  const cache = new Map<number, string[]>();
  return (host: number): string[] => {
    let path = cache.get(host);
    if (!path) {
      const own = pairs.get(host);
      const joined = table.byKey.get(hostNames[host]);
      path = levels.map((_, i) => own?.[i] || joined?.[i] || UNKNOWN_GROUP);
      cache.set(host, path);
    }
    return path;
  };
}

/** One entry per (source, destination), keeping the worst series, through a dense hosts² index. */
function foldPairs(
  src: number[],
  dst: number[],
  value: Array<number | null>,
  hosts: number,
  newest?: number[]
): PairAcc {
  const index = new Int32Array(hosts * hosts).fill(-1);
  const n = src.length;
  const acc: PairAcc = {
    src: new Int32Array(n),
    dst: new Int32Array(n),
    value: new Float64Array(n),
    kind: new Uint8Array(n),
    series: new Uint32Array(n),
    newest: new Float64Array(newest ? n : 0),
    length: 0,
  };
  for (let i = 0; i < n; i++) {
    const v = value[i];
    const kind = v === null ? 0 : Number.isFinite(v) && v >= 0 ? 1 : 2;
    const key = src[i] * hosts + dst[i];
    const at = index[key];
    if (at < 0) {
      const k = acc.length++;
      index[key] = k;
      acc.src[k] = src[i];
      acc.dst[k] = dst[i];
      acc.value[k] = kind === 1 ? (v as number) : NaN;
      acc.kind[k] = kind;
      acc.series[k] = 1;
      if (newest) {
        acc.newest[k] = newest[i];
      }
      continue;
    }
    acc.series[at]++;
    if (newest && !(newest[i] <= acc.newest[at])) {
      acc.newest[at] = newest[i];
    }
    // Keep the worst: a valid value beats an invalid or empty one, and a larger latency beats a smaller.
    if (kind === 1 && (acc.kind[at] !== 1 || (v as number) > acc.value[at])) {
      acc.value[at] = v as number;
      acc.kind[at] = 1;
    } else if (kind === 2 && acc.kind[at] === 0) {
      acc.kind[at] = 2;
    }
  }
  return acc;
}

function isSingleInstant(time: Field): boolean {
  const v = time.values;
  for (let i = 1; i < v.length; i++) {
    if (v[i] !== v[0]) {
      return false;
    }
  }
  return true;
}

interface AssembleInput {
  acc: PairAcc;
  hostNames: string[];
  factor: number;
  config: FieldConfig;
  theme: GrafanaTheme2;
  notices: string[];
  mapping: ResolvedMapping;
  topology: { levels: LevelSpec[]; table: TopologyTable; pairs: PairTopology };
  source: PairSource;
  extra: ExtraMetrics;
  grouped?: GroupedAxes;
}

/** Hosts folded into their groups at one level (cardinality guard). */
interface GroupedAxes {
  /** Host index → group index. */
  groupOf: number[];
  /** Group display names (unique). */
  names: string[];
  /** Each group's path above it. */
  paths: string[][];
  /** The level the hosts were folded into, and the levels kept above it. */
  level: string;
  levels: LevelSpec[];
}

/** The deepest level with at most `max` groups; hosts become those groups. Undefined when none fits (or no levels). */
function groupHosts(
  hostNames: string[],
  pathOf: (h: number) => string[],
  levels: LevelSpec[],
  max: number
): GroupedAxes | undefined {
  const paths = hostNames.map((_, h) => pathOf(h));
  for (let l = levels.length - 1; l >= 0; l--) {
    const ids = new Map<string, number>();
    const groupOf = paths.map((p) => {
      const key = p.slice(0, l + 1).join('\u001f');
      let g = ids.get(key);
      if (g === undefined) {
        g = ids.size;
        ids.set(key, g);
      }
      return g;
    });
    if (ids.size > max) {
      continue;
    }
    const keys = [...ids.keys()].map((k) => k.split('\u001f'));
    const short = keys.map((k) => k[l]);
    // Group names repeat under different parents (tor1 in every AZ): then the path names them.
    const unique = new Set(short).size === short.length;
    return {
      groupOf,
      names: unique ? short : keys.map((k) => k.join('/')),
      paths: keys.map((k) => k.slice(0, l)),
      level: levels[l].name,
      levels: levels.slice(0, l),
    };
  }
  return undefined;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function assemble({
  acc,
  hostNames,
  factor,
  config,
  theme,
  notices,
  mapping,
  topology,
  source,
  extra,
  grouped,
}: AssembleInput): MatrixModel {
  const isSrc = new Uint8Array(hostNames.length);
  const isDst = new Uint8Array(hostNames.length);
  const pairAccs = [acc, extra.loss, extra.fail, extra.expected, extra.baseline, extra.timestamp].filter(
    (a): a is PairAcc => a !== undefined
  );
  for (const a of pairAccs) {
    for (let i = 0; i < a.length; i++) {
      isSrc[a.src[i]] = 1;
      isDst[a.dst[i]] = 1;
    }
  }
  const srcIds = hostNames.map((_, i) => i).filter((i) => isSrc[i]);
  const dstIds = hostNames.map((_, i) => i).filter((i) => isDst[i]);
  const shared = srcIds.filter((i) => isDst[i]).length;
  // A mesh whose sources and destinations are mostly the same hosts gets one axis order on both sides, so the
  // diagonal is "self"; meshes with disjoint sides (names vs IPs) keep separate axes.
  const sameAxes = shared * 2 >= Math.min(srcIds.length, dstIds.length);
  const byName = (a: number, b: number) => collator.compare(hostNames[a], hostNames[b]);
  const union = hostNames.map((_, i) => i).filter((i) => isSrc[i] || isDst[i]);
  const rowIds = (sameAxes ? union : srcIds).sort(byName);
  const colIds = sameAxes ? rowIds : dstIds.sort(byName);

  const rowOf = new Int32Array(hostNames.length).fill(-1);
  const colOf = new Int32Array(hostNames.length).fill(-1);
  rowIds.forEach((h, r) => (rowOf[h] = r));
  colIds.forEach((h, c) => (colOf[h] = c));

  const nRows = rowIds.length;
  const nCols = colIds.length;
  const values = new Float64Array(nRows * nCols).fill(NaN);
  const absent = { noData: CellState.NoData, notProbed: CellState.NotProbed, ok: CellState.AssumedOK }[extra.missing];
  const states = new Uint8Array(nRows * nCols).fill(absent);
  const cellOf = (a: PairAcc, i: number) => rowOf[a.src[i]] * nCols + colOf[a.dst[i]];
  // A pair with a series in any pair query is expected: without a latency or loss sample it has no data.
  for (const a of pairAccs) {
    for (let i = 0; i < a.length; i++) {
      states[cellOf(a, i)] = CellState.NoData;
    }
  }
  if (sameAxes) {
    for (let r = 0; r < nRows; r++) {
      states[r * nCols + r] = CellState.Self;
    }
  }
  let duplicates = 0;
  let invalid = 0;
  let min = Infinity;
  let max = -Infinity;
  const newestAll = acc.newest.reduce((m, t) => (t > m ? t : m), -Infinity);
  const age =
    acc.newest.length > 0 && Number.isFinite(newestAll) ? new Float64Array(nRows * nCols).fill(NaN) : undefined;
  for (let i = 0; i < acc.length; i++) {
    const cell = cellOf(acc, i);
    if (age && Number.isFinite(acc.newest[i])) {
      age[cell] = newestAll - acc.newest[i];
    }
    if (acc.series[i] > 1) {
      duplicates++;
    }
    if (acc.kind[i] === 1 && !Number.isFinite(acc.value[i] * factor)) {
      // A finite sample that overflows on unit conversion is not a reading either.
      states[cell] = CellState.Invalid;
      invalid++;
    } else if (acc.kind[i] === 1) {
      const v = acc.value[i] * factor;
      values[cell] = v;
      states[cell] = CellState.Value;
      min = Math.min(min, v);
      max = Math.max(max, v);
    } else if (acc.kind[i] === 2) {
      states[cell] = CellState.Invalid;
      invalid++;
    } else if (states[cell] !== CellState.Self) {
      states[cell] = CellState.NoData;
    }
  }
  // Loss alone makes a measured pair; a failing probe outranks every measurement.
  const dense = (a: PairAcc | undefined, onlyValid: boolean) => {
    if (!a) {
      return undefined;
    }
    const out = new Float64Array(nRows * nCols).fill(NaN);
    for (let i = 0; i < a.length; i++) {
      if (!onlyValid || a.kind[i] === 1) {
        out[cellOf(a, i)] = a.kind[i] === 1 ? a.value[i] : NaN;
      }
    }
    return out;
  };
  const loss = dense(extra.loss, true);
  if (loss) {
    for (let k = 0; k < loss.length; k++) {
      if (!Number.isNaN(loss[k]) && states[k] === CellState.NoData) {
        states[k] = CellState.Value;
      }
    }
  }
  let failed = 0;
  if (extra.fail) {
    for (let i = 0; i < extra.fail.length; i++) {
      const cell = cellOf(extra.fail, i);
      if (extra.fail.kind[i] === 1 && extra.fail.value[i] > 0 && states[cell] !== CellState.Self) {
        states[cell] = CellState.Failed;
        failed++;
      }
    }
  }
  // Sample times from a timestamp query beat the range frames' own: age against the freshest pair.
  const stamps = dense(extra.timestamp, true);
  let ages = age;
  if (stamps) {
    const freshest = stamps.reduce((m, t) => (t > m ? t : m), -Infinity);
    if (Number.isFinite(freshest)) {
      ages = ages ?? new Float64Array(nRows * nCols).fill(NaN);
      for (let k = 0; k < stamps.length; k++) {
        if (!Number.isNaN(stamps[k])) {
          ages[k] = (freshest - stamps[k]) * 1000;
        }
      }
    }
  }
  const baseline = dense(extra.baseline, true);
  if (baseline && factor !== 1) {
    baseline.forEach((v, k) => (baseline[k] = v * factor));
  }
  if (duplicates > 0) {
    notices.push(
      t('model.notice.duplicates', '', {
        count: duplicates,
        defaultValue_one: '{{count}} pair has more than one series; the worst value is shown.',
        defaultValue_other: '{{count}} pairs have more than one series; the worst value is shown.',
        ...RAW,
      })
    );
  }
  if (invalid > 0) {
    notices.push(
      t('model.notice.invalid', '', {
        count: invalid,
        defaultValue_one: '{{count}} pair has an invalid value (NaN, ±Inf or negative).',
        defaultValue_other: '{{count}} pairs have an invalid value (NaN, ±Inf or negative).',
        ...RAW,
      })
    );
  }

  const field: Field = {
    name: 'latency',
    type: FieldType.number,
    config,
    values: [],
    state: { range: min <= max ? { min, max, delta: max - min } : { min: 0, max: 0, delta: 0 } },
  };
  field.display = getDisplayProcessor({ field, theme });

  const rows = rowIds.map((h) => hostNames[h]);
  const cols = sameAxes ? rows : colIds.map((h) => hostNames[h]);
  const paths = grouped ? (h: number) => grouped.paths[h] : hostPaths(topology, hostNames);
  const rowPaths = rowIds.map(paths);
  const colPaths = sameAxes ? rowPaths : colIds.map(paths);
  const unknown = new Set([...rowIds, ...colIds].filter((h) => paths(h).includes(UNKNOWN_GROUP))).size;
  if (unknown > 0) {
    notices.push(
      t('model.notice.no-topology', '', {
        count: unknown,
        group: UNKNOWN_GROUP,
        defaultValue_one: '{{count}} host has no topology (grouped as “{{group}}”).',
        defaultValue_other: '{{count}} hosts have no topology (grouped as “{{group}}”).',
        ...RAW,
      })
    );
  }
  return {
    rows,
    cols,
    levels: (grouped ? grouped.levels : topology.levels).map((l) => l.name),
    grouped: grouped ? { level: grouped.level, hosts: grouped.groupOf.length } : undefined,
    rowPaths,
    colPaths,
    values,
    states,
    loss,
    baseline,
    age: ages,
    failed,
    field,
    notices,
    pairs: acc.length,
    duplicates,
    invalid,
    mapping: {
      source: mapping.source,
      destination: mapping.destination,
      presetName: mapping.preset?.name,
      detected: mapping.detected,
    },
    source,
  };
}
