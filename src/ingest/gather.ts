import { Field, FieldType, ReducerID } from '@grafana/data';
import { t } from '@grafana/i18n';

import { RAW } from '../util/i18n';
import { inChunks } from '../util/steps';
import { EntryColumns } from './entries';
import { followIds } from './hosts';
import { HostJoin } from './join';
import { PairTopology } from './topology';
import { ScaleTally, SeriesScale } from './units';
import {
  LabelReader,
  NumberFieldView,
  isNotNumber,
  labelReader,
  oneSampleReducer,
  reduceValues,
  timeOrdered,
} from './series';

/** Rows between yields: about 2–5 ms of work, so a scheduler can keep the page answering while a big mesh builds. */
export const ROWS_PER_STEP = 16384;

/** Every series of one query as (source id, destination id, value), before duplicates are folded. */
export interface Gathered {
  /** One entry per series; `newest`: the time (epoch ms) of its newest non-null sample, when any is known. */
  entries: EntryColumns;
  /** Entries whose series' unit was guessed, as [start, end) index runs. */
  guessed: number[];
  /** Series read; series without a source or destination label (skipped); series that are no pair check. */
  series: number;
  skipped: number;
  notPairs: number;
  /** Series whose source or destination is only spaces (no host): left out like a missing label. */
  blank: number;
  /** Samples that were no number (`true`, `[]`, "0x1F"): read as invalid. The first one, for the notice. */
  notNumbers: number;
  notNumber?: unknown;
}

export interface GatherInput {
  views: NumberFieldView[];
  source: string[];
  destination: string[];
  /** Destination values must start with this (kubenurse's path_); other series are not pairs. */
  destinationPrefix?: string;
  reducer: ReducerID;
  /** Raw label → host id; negative when the label names no host (only spaces). */
  hostOf: (label: string) => number;
  /** Level labels on the pair series are noted per host as they are met (grouping). */
  topology?: PairTopology;
  /** Keep each entry's newest sample time (latency: sample ages). */
  withNewest?: boolean;
  /** Each series' unit (latency, loss): its raw values are multiplied by the factor as they are read. */
  scale?: (fieldUnit: string | undefined, metric: string | undefined) => SeriesScale;
  /** Counts how the series were scaled. */
  tally?: ScaleTally;
  /** Learns which names and addresses are one host (preset.sameHost). */
  join?: HostJoin;
}

const VALUE_NAME = /^Value( #.+)?$/;

/**
 * The one reader of pair series, for every pair query (latency, loss, probe failures, expected pairs, baseline,
 * sample times): any frame shape, one entry per series, reduced by the given reducer. Yields every few thousand rows.
 */
export function* gather(input: GatherInput): Generator<void, Gathered> {
  const out: Gathered = {
    entries: new EntryColumns(1024),
    guessed: [],
    series: 0,
    skipped: 0,
    notPairs: 0,
    blank: 0,
    notNumbers: 0,
  };
  let sinceYield = 0;
  for (const view of input.views) {
    if (++sinceYield === 1024) {
      sinceYield = 0;
      yield;
    }
    const src = labelReader(view, input.source);
    const dst = labelReader(view, input.destination, input.destinationPrefix);
    if (!src || !dst) {
      out.skipped += view.labelColumns.length === 0 ? 1 : view.field.values.length;
      continue;
    }
    yield* gatherView(input, view, src, dst, out);
  }
  return out;
}

function* gatherView(
  input: GatherInput,
  view: NumberFieldView,
  src: LabelReader,
  dst: LabelReader,
  out: Gathered
): Generator<void, void> {
  const { reducer, hostOf, topology, withNewest, scale, tally, join } = input;
  const levels = topology?.readers(view);
  const same = join?.readers(view);
  // The metric name per series: a `__name__` column (tables of several metrics), a label, or the field's name.
  const nameColumn = view.labelColumns.find((f) => f.name === '__name__')?.values;
  const fixedName = view.field.labels?.__name__ || (VALUE_NAME.test(view.field.name) ? undefined : view.field.name);
  const fieldUnit = view.field.config?.unit;
  let lastName: unknown = undefined;
  let lastScale = scale?.(fieldUnit, fixedName);
  const scaleAt = (row: number): SeriesScale | undefined => {
    if (!scale || !nameColumn || nameColumn[row] === lastName) {
      return lastScale;
    }
    lastName = nameColumn[row];
    lastScale = scale(fieldUnit, lastName == null || lastName === '' ? fixedName : String(lastName));
    return lastScale;
  };
  const add = (s: number, d: number, raw: number | null, row: number, newest: number) => {
    if (levels) {
      topology!.note(s, levels.src, row);
      topology!.note(d, levels.dst, row);
    }
    if (same) {
      join!.note(s, same.src, row, 0);
      join!.note(d, same.dst, row, 1);
    }
    const sc = nameColumn ? scaleAt(row) : lastScale;
    const v = sc !== undefined && raw !== null && sc.factor !== 1 ? raw * sc.factor : raw;
    if (sc) {
      tally?.count(sc, v);
      if (sc.guessed) {
        // Extend the last run, or start one.
        const at = out.entries.length;
        const g = out.guessed;
        if (g.length > 0 && g[g.length - 1] === at) {
          g[g.length - 1] = at + 1;
        } else {
          g.push(at, at + 1);
        }
      }
    }
    // Sample times stay unallocated until one is known (an instant table has none).
    out.entries.push(s, d, v, withNewest ? newest : NaN);
    out.series++;
  };
  const values = view.field.values;
  const time = view.frame.fields.find((f) => f.type === FieldType.time);
  const times = time?.values as unknown[] | undefined;
  if (view.labelColumns.length === 0) {
    // One frame per series: labels are constant, rows are samples over time.
    const s = src.read(0);
    const d = dst.read(0);
    if (s === undefined || d === undefined) {
      out[d === undefined && input.destinationPrefix ? 'notPairs' : 'skipped']++;
      return;
    }
    let newest = NaN;
    for (let k = 0; k < values.length; k++) {
      if (values[k] != null && times && !(Number(times[k]) <= newest)) {
        newest = Number(times[k]);
      }
    }
    const [si, di] = [hostOf(s), hostOf(d)];
    if (si < 0 || di < 0) {
      out.blank++;
      return;
    }
    countNotNumbers(values, out);
    const value = values.length === 0 ? null : reduceValues(timeOrdered(values, times), reducer);
    add(si, di, value, 0, newest);
    return;
  }
  /**
   * Each row with a source and a destination host, as host ids: steps of ROWS_PER_STEP rows, each a call of a plain
   * function (V8 optimises a long loop inside a generator less well: no on-stack replacement there).
   */
  function* eachRow(fn: (row: number, s: number, d: number) => void) {
    yield* inChunks(values.length, (from, to) => rowRange(fn, from, to), ROWS_PER_STEP);
  }
  const srcId = followIds(hostOf);
  const dstId = followIds(hostOf);
  function rowRange(fn: (row: number, s: number, d: number) => void, from: number, to: number) {
    for (let row = from; row < to; row++) {
      const s = src.read(row);
      const d = dst.read(row);
      if (s === undefined || d === undefined) {
        out[d === undefined && input.destinationPrefix ? 'notPairs' : 'skipped']++;
        continue;
      }
      const si = srcId(s);
      const di = dstId(d);
      if (si < 0 || di < 0) {
        out.blank++;
      } else {
        fn(row, si, di);
      }
    }
  }
  if (!time || isSingleInstant(time)) {
    // Instant table: every row is its own series, all at one evaluation time (a sample time query gives ages).
    out.entries.reserve(out.entries.length + values.length);
    const reduce = oneSampleReducer(reducer);
    yield* eachRow((row, s, d) => {
      const v = values[row];
      if (typeof v !== 'number' && isNotNumber(v)) {
        out.notNumber ??= v;
        out.notNumbers++;
      }
      add(s, d, reduce(v), row, NaN);
    });
    return;
  }
  // Range table: rows of one series share all label columns; group them, then reduce each series. The rows of a
  // series usually run together (as Grafana builds the table): a row with the previous row's labels continues its
  // run without a key, and a run is kept as [row, last] — no string or array per row (7 M rows of garbage otherwise).
  const bySeries = new Map<string, RangeSeries>();
  const columns = view.labelColumns.map((c) => c.values);
  let prev: RangeSeries | undefined;
  let prevRow = -1;
  yield* eachRow((row, s, d) => {
    let series = prev !== undefined && prevRow === row - 1 && sameRow(columns, row, prevRow) ? prev : undefined;
    if (!series) {
      // Length-prefixed, so no label value (NUL included) can make two series' keys equal.
      let key = '';
      for (const c of columns) {
        const v = String(c[row]);
        key += `${v.length}:${v}`;
      }
      series = bySeries.get(key);
      if (!series) {
        series = { s, d, row, last: row - 1, newest: NaN };
        bySeries.set(key, series);
      }
    }
    if (series.values === undefined && series.last === row - 1) {
      series.last = row;
    } else {
      // The series' rows are not one run: from here on its samples are collected.
      series.values ??= values.slice(series.row, series.last + 1);
      series.times ??= times!.slice(series.row, series.last + 1);
      series.values.push(values[row]);
      series.times.push(times![row]);
    }
    if (values[row] != null && !(Number(times![row]) <= series.newest)) {
      series.newest = Number(times![row]);
    }
    prev = series;
    prevRow = row;
  });
  // Reducing is per sample too: a 7 M-row range table yields here as often as while grouping.
  let samples = 0;
  for (const series of bySeries.values()) {
    const own = series.values ?? values.slice(series.row, series.last + 1);
    const at = series.times ?? times!.slice(series.row, series.last + 1);
    samples += own.length;
    if (samples >= ROWS_PER_STEP) {
      samples = 0;
      yield;
    }
    countNotNumbers(own, out);
    add(series.s, series.d, reduceValues(timeOrdered(own, at), reducer), series.row, series.newest);
  }
}

/** One series of a range table: its rows run [row, last], or its samples, once they did not. */
interface RangeSeries {
  s: number;
  d: number;
  row: number;
  last: number;
  values?: unknown[];
  times?: unknown[];
  newest: number;
}

/** Whether two rows have the same value in every label column. */
function sameRow(columns: unknown[][], a: number, b: number): boolean {
  for (const c of columns) {
    if (c[a] !== c[b]) {
      return false;
    }
  }
  return true;
}

/** The footer's line for series whose source or destination is only spaces. */
export function blankHostsNotice(latency: Gathered, source: string[], destination: string[]): string | undefined {
  if (latency.blank === 0) {
    return undefined;
  }
  return t('model.notice.blank-hosts', '', {
    count: latency.blank,
    n: latency.blank.toLocaleString('en-US'),
    source: source.join('/'),
    destination: destination.join('/'),
    defaultValue_one: '{{n}} series has a {{source}} or {{destination}} of only spaces (no host) and was skipped.',
    defaultValue_other: '{{n}} series have a {{source}} or {{destination}} of only spaces (no host) and were skipped.',
    ...RAW,
  });
}

/** The footer's line for samples that were no number in any query, with the first one as an example. */
export function notNumbersNotice(gathered: Array<Gathered | undefined>): string | undefined {
  const bad = gathered.filter((g): g is Gathered => g !== undefined && g.notNumbers > 0);
  if (bad.length === 0) {
    return undefined;
  }
  const n = bad.reduce((sum, g) => sum + g.notNumbers, 0);
  return t('model.notice.not-numbers', '', {
    count: n,
    n: n.toLocaleString('en-US'),
    example: exampleOf(bad[0].notNumber),
    defaultValue_one: '{{n}} sample is not a number ({{example}}): read as an invalid value.',
    defaultValue_other: '{{n}} samples are not numbers (such as {{example}}): read as invalid values.',
    ...RAW,
  });
}

/** A short, printable form of any value. */
function exampleOf(v: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = Object.prototype.toString.call(v);
  }
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

/** Counts the samples that are no number (the reducers read them as invalid). */
function countNotNumbers(values: unknown[], out: Gathered) {
  for (const v of values) {
    if (isNotNumber(v)) {
      out.notNumber ??= v;
      out.notNumbers++;
    }
  }
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
