import { DataFrame, Field, FieldType, Labels } from '@grafana/data';

import { quantileOf } from '../view/aggregate';
import { splitMergedFrames } from '../ingest/merged';
import { NumberFieldView, labelReader, numberFieldViews, refIdOf, toNumber } from '../ingest/series';
import { MatrixModel } from '../model/types';

/** A matrix cell: host names as on the matrix axes. */
export interface PairRef {
  source: string;
  destination: string;
}

export interface PairSeries {
  /** forward = source → destination. */
  direction: 'forward' | 'reverse';
  refId: string;
  /** `h001 → h002`, qualified (metric name or refId, then differing labels) when a direction has several series. */
  name: string;
  /** The series' labels as they came: the number field's labels, or a table row's non-empty label columns. */
  labels: Labels;
  /** Epoch ms, ascending, one per value; empty when the frames carry no time field (instant data without `Time`). */
  times: number[];
  /**
   * In what the matrix shows: latency series in the matrix field's unit, each by its own factor
   * (`model.source.scaleOf`), loss series as ratios, other refIds as they came. null, NaN and ±Inf are null.
   */
  values: Array<number | null>;
}

export interface PairSideValues {
  source: string;
  destination: string;
}

export interface PairData {
  /** Forward series first, then reverse; the latency query's before extra refIds'. */
  series: PairSeries[];
  /** At least one series has ≥ 2 distinct timestamps (range data); false for instant / table-instant data. */
  isRange: boolean;
  /**
   * The label names and raw values that identify each direction, read off the series found (for a filtered query).
   * Label names fall back to the first mapping candidates when no series was found; a direction without series is
   * undefined.
   */
  match: {
    sourceLabel: string;
    destinationLabel: string;
    forward?: PairSideValues;
    reverse?: PairSideValues;
  };
}

interface SeriesAcc {
  direction: PairSeries['direction'];
  refId: string;
  metric?: string;
  labels: Labels;
  times: number[];
  values: Array<number | null>;
  /** Raw value → shown value for this series. */
  factor: number;
  srcLabel: string;
  dstLabel: string;
  raw: PairSideValues;
}

const FORWARD = 1;
const REVERSE = 2;
const IS_SOURCE = 1;
const IS_DESTINATION = 2;

/**
 * The pair's own series (both directions) out of the panel's frames, in any shape buildMatrix reads: one frame per
 * series or table format, range or instant. One pass over the rows; only the pair's rows allocate.
 */
export function findPairSeries(
  frames: DataFrame[],
  model: MatrixModel,
  pair: PairRef,
  refIds: string[] = []
): PairData {
  const { hostOf } = model.source;
  const self = pair.source === pair.destination;
  const roles = new Map<string, number>();
  const roleOf = (raw: string) => {
    let role = roles.get(raw);
    if (role === undefined) {
      const host = hostOf(raw);
      role = (host === pair.source ? IS_SOURCE : 0) | (host === pair.destination ? IS_DESTINATION : 0);
      roles.set(raw, role);
    }
    return role;
  };
  const directionOf = (s: string, d: string) => {
    const sr = roleOf(s);
    if (sr === 0) {
      return 0;
    }
    const dr = roleOf(d);
    if (sr & IS_SOURCE && dr & IS_DESTINATION) {
      return FORWARD;
    }
    return !self && sr & IS_DESTINATION && dr & IS_SOURCE ? REVERSE : 0;
  };

  const accs = new Map<string, SeriesAcc>();
  const wanted = [...new Set([model.source.refId, ...refIds])];
  // As the matrix read them: a merged table's `Value #<refId>` columns are each their own query's series.
  const split = splitMergedFrames(frames);
  for (const refId of wanted) {
    for (const frame of split) {
      if (frame.fields.length === 0 || refIdOf(frame) !== refId) {
        continue;
      }
      for (const view of numberFieldViews(frame)) {
        scanView({ view, refId, model, roleOf, directionOf, accs });
      }
    }
  }

  const found = [...accs.values()].map(finish);
  const series: PairSeries[] = [];
  for (const direction of ['forward', 'reverse'] as const) {
    const group = found.filter((a) => a.direction === direction);
    const base =
      direction === 'forward' ? `${pair.source} → ${pair.destination}` : `${pair.destination} → ${pair.source}`;
    const names = seriesNames(group, base);
    group.forEach((a, i) =>
      series.push({
        direction,
        refId: a.refId,
        name: names[i],
        labels: a.labels,
        times: a.times,
        values: a.values,
      })
    );
  }
  const forward = found.find((a) => a.direction === 'forward');
  const reverse = found.find((a) => a.direction === 'reverse');
  const first = forward ?? reverse;
  return {
    series,
    isRange: series.some((s) => s.times.length >= 2),
    match: {
      sourceLabel: first?.srcLabel ?? model.mapping.source[0] ?? '',
      destinationLabel: first?.dstLabel ?? model.mapping.destination[0] ?? '',
      forward: forward?.raw,
      reverse: reverse?.raw,
    },
  };
}

interface ScanInput {
  view: NumberFieldView;
  refId: string;
  model: MatrixModel;
  /** Raw label → IS_SOURCE | IS_DESTINATION bits (0: neither host of the pair). */
  roleOf: (raw: string) => number;
  /** Raw source and destination labels → FORWARD, REVERSE or 0. */
  directionOf: (s: string, d: string) => number;
  accs: Map<string, SeriesAcc>;
}

function scanView({ view, refId, model, roleOf, directionOf, accs }: ScanInput) {
  const { source, destination } = model.mapping;
  const src = labelReader(view, source);
  const dst = labelReader(view, destination, model.mapping.destinationPrefix);
  const values = view.field.values;
  if (!src || !dst || values.length === 0) {
    return;
  }
  const time = view.frame.fields.find((f) => f.type === FieldType.time);
  const times = time?.values;
  const fieldMetric = /^Value( #.+)?$/.test(view.field.name) ? undefined : view.field.name;

  const open = (direction: number, row: number, s: string, d: string, key: string, labels: Labels): SeriesAcc => {
    let acc = accs.get(key);
    if (!acc) {
      acc = {
        direction: direction === FORWARD ? 'forward' : 'reverse',
        refId,
        metric: labels.__name__ || fieldMetric,
        labels,
        times: [],
        values: [],
        factor: factorOf(labels.__name__ || fieldMetric),
        srcLabel: labelUsed(view, source, row) ?? source[0],
        dstLabel: labelUsed(view, destination, row) ?? destination[0],
        raw: { source: s, destination: d },
      };
      accs.set(key, acc);
    }
    return acc;
  };
  // Each series by its own factor, as the matrix read it (its metric name, field unit, Input unit or preset).
  const factorOf = (metric: string | undefined) => {
    const { source: ps } = model;
    if (ps.scaleOf) {
      return ps.scaleOf({ refId, field: view.field, metric });
    }
    return refId === ps.refId ? ps.factor : 1;
  };
  const push = (acc: SeriesAcc, row: number) => {
    acc.times.push(times ? timeOf(times[row]) : NaN);
    const v = toNumber(values[row]);
    acc.values.push(v === null || !Number.isFinite(v) ? null : v * acc.factor);
  };

  if (view.labelColumns.length === 0) {
    // One frame per series: labels are constant, rows are samples over time.
    const s = src.read(0);
    const d = dst.read(0);
    const direction = s === undefined || d === undefined ? 0 : directionOf(s, d);
    if (direction === 0) {
      return;
    }
    const labels = view.field.labels ?? {};
    const acc = open(direction, 0, s!, d!, seriesKey(refId, direction, fieldMetric, labels), labels);
    for (let row = 0; row < values.length; row++) {
      push(acc, row);
    }
    return;
  }

  // Table format: one row per (series, timestamp); rows of one series share every label column.
  const columns = view.labelColumns;
  let lastS: string | undefined;
  let lastSourceMatters = true;
  for (let row = 0; row < values.length; row++) {
    const s = src.read(row);
    if (s === undefined) {
      continue;
    }
    // Rows come sorted by labels: a source that is neither host is skipped without reading the destination.
    if (s !== lastS) {
      lastS = s;
      lastSourceMatters = roleOf(s) !== 0;
    }
    if (!lastSourceMatters) {
      continue;
    }
    const d = dst.read(row);
    const direction = d === undefined ? 0 : directionOf(s, d);
    if (direction === 0) {
      continue;
    }
    let key = `${refId}\u0000${direction}\u0000${view.field.name}`;
    for (const c of columns) {
      key += `\u0000${c.values[row] ?? ''}`;
    }
    let acc = accs.get(key);
    if (!acc) {
      acc = open(direction, row, s, d!, key, rowLabels(columns, row));
    }
    push(acc, row);
  }
}

/** Which candidate label gave the value at a row, in labelReader's order (field label, then column). */
function labelUsed(view: NumberFieldView, candidates: string[], row: number): string | undefined {
  for (const name of candidates) {
    const fixed = view.field.labels?.[name];
    const column = fixed === undefined ? view.labelColumns.find((f) => f.name === name) : undefined;
    const v = fixed ?? column?.values[row];
    if (v !== undefined && v !== null && v !== '') {
      return name;
    }
  }
  return undefined;
}

function rowLabels(columns: Field[], row: number): Labels {
  const labels: Labels = {};
  for (const c of columns) {
    const v = c.values[row];
    if (v !== undefined && v !== null && v !== '') {
      labels[c.name] = String(v);
    }
  }
  return labels;
}

/** Same series from two frames (a range and an instant query under one refId) merge into one. */
function seriesKey(refId: string, direction: number, metric: string | undefined, labels: Labels): string {
  let key = `${refId}\u0000${direction}\u0000${labels.__name__ || metric || ''}`;
  for (const name of Object.keys(labels).sort()) {
    if (name !== '__name__' && labels[name] !== '') {
      key += `\u0000${name}=${labels[name]}`;
    }
  }
  return key;
}

function timeOf(v: unknown): number {
  if (typeof v === 'number') {
    return v;
  }
  return typeof v === 'string' ? Date.parse(v) : Number(v);
}

/** Times ascending and distinct (the later sample wins a tie); samples without a time dropped unless all are. */
function finish(acc: SeriesAcc): SeriesAcc {
  const { times, values } = acc;
  let timed = 0;
  let ascending = true;
  for (let i = 0; i < times.length; i++) {
    if (Number.isFinite(times[i])) {
      timed++;
      ascending &&= i === 0 || times[i] > times[i - 1];
    }
  }
  if (timed === 0) {
    return { ...acc, times: [] };
  }
  if (ascending && timed === times.length) {
    return acc;
  }
  const order: number[] = [];
  for (let i = 0; i < times.length; i++) {
    if (Number.isFinite(times[i])) {
      order.push(i);
    }
  }
  order.sort((a, b) => times[a] - times[b] || a - b);
  const outTimes: number[] = [];
  const outValues: Array<number | null> = [];
  for (const i of order) {
    const n = outTimes.length;
    if (n > 0 && outTimes[n - 1] === times[i]) {
      outValues[n - 1] = values[i];
    } else {
      outTimes.push(times[i]);
      outValues.push(values[i]);
    }
  }
  return { ...acc, times: outTimes, values: outValues };
}

/** The base name, qualified by metric (or refId) when those differ, then by the labels that still tell series apart. */
function seriesNames(group: SeriesAcc[], base: string): string[] {
  if (group.length <= 1) {
    return group.map(() => base);
  }
  const tags = group.map((a) => a.metric ?? a.refId);
  const names = new Set(tags).size > 1 ? group.map((_, i) => `${base} (${tags[i]})`) : group.map(() => base);
  const byName = new Map<string, number[]>();
  names.forEach((n, i) => byName.set(n, [...(byName.get(n) ?? []), i]));
  for (const members of byName.values()) {
    if (members.length < 2) {
      continue;
    }
    const keys = [...new Set(members.flatMap((i) => Object.keys(group[i].labels)))].sort();
    const differing = keys.filter((k) => new Set(members.map((i) => group[i].labels[k] ?? '')).size > 1);
    const refIdsDiffer = new Set(members.map((i) => group[i].refId)).size > 1;
    for (const i of members) {
      const parts = differing.map((k) => `${k}="${group[i].labels[k] ?? ''}"`);
      if (refIdsDiffer) {
        parts.unshift(group[i].refId);
      }
      if (parts.length > 0) {
        names[i] = `${names[i]} {${parts.join(', ')}}`;
      }
    }
  }
  return names;
}

export interface PairStats {
  p50?: number;
  p99?: number;
  max?: number;
  /** The last non-null value. */
  last?: number;
  /** Values counted (null and NaN skipped). */
  count: number;
}

/** p50 / p99 (interpolated like Prometheus' quantile(), as the matrix's aggregation), max and last, ignoring gaps. */
export function pairStats(values: Array<number | null>): PairStats {
  const xs: number[] = [];
  let max = -Infinity;
  for (const v of values) {
    if (v !== null && !Number.isNaN(v)) {
      xs.push(v);
      max = v > max ? v : max;
    }
  }
  if (xs.length === 0) {
    return { count: 0 };
  }
  return { p50: quantileOf(xs, 0.5), p99: quantileOf(xs, 0.99), max, last: xs[xs.length - 1], count: xs.length };
}
