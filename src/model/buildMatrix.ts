import { DataFrame, Field, FieldConfig, FieldType, GrafanaTheme2, ReducerID, getDisplayProcessor } from '@grafana/data';

import { ModelOptions } from '../types';
import { hostIdentity } from './hostId';
import { LabelMapping, detectPreset, findPreset, splitLabels } from './presets';
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
  return all.length > MAX_LISTED ? `${shown.join(', ')} … (${all.length} in all)` : shown.join(', ') || 'none';
};

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
  length: number;
}

/**
 * frames → one value per (source, destination) host pair. Pure; bad input gives `{ warning }`, never a throw.
 */
export function buildMatrix({ frames, options, theme }: BuildMatrixInput): BuildMatrixResult {
  const withFields = frames.filter((f) => f.fields.length > 0 && f.length > 0);
  if (withFields.length === 0) {
    return { warning: 'No data: the query returned no series.' };
  }
  const refIds = [...new Set(withFields.map(refIdOf))];
  const topologyRefIds = splitLabels(options.topologyRefIds);
  const refId = options.latencyRefId || refIds.find((r) => !topologyRefIds.includes(r)) || refIds[0];
  const views = withFields.filter((f) => refIdOf(f) === refId).flatMap(numberFieldViews);
  if (!refIds.includes(refId)) {
    return { warning: `No frames for the latency query \`${refId}\`; queries seen: ${listed(refIds)}.` };
  }
  if (views.length === 0) {
    return { warning: `Query \`${refId}\` has no numeric field: a latency query must return numbers.` };
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
  const hostName = (label: string) => {
    const host = hostIdentity(label);
    return table.alias.get(host) ?? host;
  };
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

  for (const view of views) {
    const src = labelReader(view, mapping.source);
    const dst = labelReader(view, mapping.destination);
    if (!src || !dst) {
      missingLabel += seriesCount(view);
      continue;
    }
    readers++;
    levelReaders = pairTopology.readers(view);
    collect({ view, src, dst, reducer: options.reducer, hostOf, add, skip: () => missingLabel++ });
  }

  if (hostNames.length > MAX_HOSTS) {
    return {
      warning: `${hostNames.length} hosts is more than this panel draws one by one (${MAX_HOSTS}): aggregate in the query, e.g. with the ToR recording rules, or filter it.`,
    };
  }
  const acc = foldPairs(rawSrc, rawDst, rawValue, hostNames.length);
  if (readers === 0 || acc.length === 0) {
    const absent = [...mapping.source, ...mapping.destination].filter((l) => !labelsSeen.has(l));
    const what =
      absent.length > 0
        ? `label ${absent.map((l) => `\`${l}\``).join(' or ')}`
        : 'a non-empty source and destination label';
    return { warning: `No series has ${what}; labels seen: ${listed(labelsSeen)}.` };
  }
  if (missingLabel > 0) {
    notices.push(
      `${missingLabel} series without a ${mapping.source.join('/')} or ${mapping.destination.join('/')} label were skipped.`
    );
  }

  const firstField = views[0].field;
  const unit = firstField.config.unit ?? 'ms';
  const fromUnit = inputUnitOf(options.inputUnit, metricsSeen, mapping.preset);
  const factor = conversionFactor(fromUnit, unit);
  if (factor !== 1) {
    notices.push(`Values converted from ${fromUnit} to ${unit}.`);
  }
  const topology = { levels, table, pairs: pairTopology };
  const model = assemble({
    acc,
    hostNames,
    factor,
    config: { ...firstField.config, unit },
    theme,
    notices,
    mapping,
    topology,
    source: { refId, factor, hostOf: hostName },
  });
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
      return { warning: `Unknown exporter preset \`${options.preset}\`: choose one in the panel options.` };
    }
    return { source: preset.source, destination: preset.destination, preset, detected: false };
  }
  const found = detectPreset(labelsSeen, metricsSeen);
  if (!found) {
    return {
      warning: `No exporter preset fits these series (labels seen: ${listed(labelsSeen)}). Choose a preset or set the source and destination labels under Custom.`,
    };
  }
  if ('ambiguous' in found) {
    return {
      warning: `Several exporter presets fit these labels (${found.ambiguous.map((p) => p.name).join('; ')}): choose one in the panel options.`,
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
}

function collect({ view, src, dst, reducer, hostOf, add, skip }: CollectInput) {
  const values = view.field.values;
  if (view.labelColumns.length === 0) {
    // One frame per series: labels are constant, rows are samples over time.
    const s = src.read(0);
    const d = dst.read(0);
    if (s === undefined || d === undefined) {
      skip();
      return;
    }
    add(hostOf(s), hostOf(d), values.length === 0 ? null : reduceValues(values, reducer), 0);
    return;
  }
  const time = view.frame.fields.find((f) => f.type === FieldType.time);
  const eachRow = (fn: (row: number, s: string, d: string) => void) => {
    for (let row = 0; row < values.length; row++) {
      const s = src.read(row);
      const d = dst.read(row);
      if (s === undefined || d === undefined) {
        skip();
      } else {
        fn(row, s, d);
      }
    }
  };
  if (!time || isSingleInstant(time)) {
    // Instant table: every row is its own series.
    const reduce = oneSampleReducer(reducer);
    eachRow((row, s, d) => add(hostOf(s), hostOf(d), reduce(values[row]), row));
    return;
  }
  // Range table: rows of one series share all label columns; group them, then reduce each series.
  const bySeries = new Map<string, { s: number; d: number; values: unknown[]; row: number }>();
  eachRow((row, s, d) => {
    const key = view.labelColumns.map((c) => String(c.values[row])).join('\u0000');
    let series = bySeries.get(key);
    if (!series) {
      series = { s: hostOf(s), d: hostOf(d), values: [], row };
      bySeries.set(key, series);
    }
    series.values.push(values[row]);
  });
  for (const series of bySeries.values()) {
    add(series.s, series.d, reduceValues(series.values, reducer), series.row);
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
function foldPairs(src: number[], dst: number[], value: Array<number | null>, hosts: number): PairAcc {
  const index = new Int32Array(hosts * hosts).fill(-1);
  const n = src.length;
  const acc: PairAcc = {
    src: new Int32Array(n),
    dst: new Int32Array(n),
    value: new Float64Array(n),
    kind: new Uint8Array(n),
    series: new Uint32Array(n),
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
      continue;
    }
    acc.series[at]++;
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
}: AssembleInput): MatrixModel {
  const isSrc = new Uint8Array(hostNames.length);
  const isDst = new Uint8Array(hostNames.length);
  for (let i = 0; i < acc.length; i++) {
    isSrc[acc.src[i]] = 1;
    isDst[acc.dst[i]] = 1;
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
  const states = new Uint8Array(nRows * nCols).fill(CellState.NoData);
  if (sameAxes) {
    for (let r = 0; r < nRows; r++) {
      states[r * nCols + r] = CellState.Self;
    }
  }
  let duplicates = 0;
  let invalid = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < acc.length; i++) {
    const cell = rowOf[acc.src[i]] * nCols + colOf[acc.dst[i]];
    if (acc.series[i] > 1) {
      duplicates++;
    }
    if (acc.kind[i] === 1) {
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
  if (duplicates > 0) {
    notices.push(
      `${duplicates} pair${duplicates > 1 ? 's have' : ' has'} more than one series; the worst value is shown.`
    );
  }
  if (invalid > 0) {
    notices.push(`${invalid} pair${invalid > 1 ? 's have' : ' has'} an invalid value (NaN, ±Inf or negative).`);
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
  const paths = hostPaths(topology, hostNames);
  const rowPaths = rowIds.map(paths);
  const colPaths = sameAxes ? rowPaths : colIds.map(paths);
  const unknown = new Set([...rowIds, ...colIds].filter((h) => paths(h).includes(UNKNOWN_GROUP))).size;
  if (unknown > 0) {
    notices.push(`${unknown} host${unknown > 1 ? 's have' : ' has'} no topology (grouped as “${UNKNOWN_GROUP}”).`);
  }
  return {
    rows,
    cols,
    levels: topology.levels.map((l) => l.name),
    rowPaths,
    colPaths,
    values,
    states,
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
