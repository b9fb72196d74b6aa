import { DataFrame, Field, FieldType, GrafanaTheme2 } from '@grafana/data';

import { buildMatrixSteps } from '../ingest';
import { SlaConfig, Status } from '../model/sla';
import { MatrixModel } from '../model/types';
import { classifyModel } from '../view/view';
import { ModelOptions } from '../options/types';

/**
 * "What changed": the matrix at any time of a range query, the share of pairs over SLA at each step, and the cells
 * whose status changed between two times. Pure. The matrix at a time is built by the same pipeline as the live one
 * (frames → model → SLA), from the samples of that step: no second set of rules that could colour differently.
 */

/** A frame whose rows are grouped by sample time, so the rows of one step are found without a scan. */
interface TimedFrame {
  frame: DataFrame;
  /** Distinct sample times, ascending. */
  times: Float64Array;
  /** Rows of times[i]: rows[offsets[i] .. offsets[i + 1]), ascending. */
  offsets: Int32Array;
  rows: Int32Array;
  /** The frame's own step: its smallest gap between sample times. A row answers for (t − step, t]. */
  step: number;
}

export interface TimeIndex {
  /** Every sample time of every range frame, ascending. Fewer than 2 = not a range query: no timeline. */
  times: number[];
  timed: TimedFrame[];
  /** Frames with one sample time or none (instant queries, topology tables): the same at every time. */
  constant: DataFrame[];
  /** Frame order of the input, so a slice keeps the panel's frame order (query order decides roles). */
  order: Array<{ timed: boolean; i: number }>;
}

/** Rows between yields of the index: each step is a few ms, so a 7 M-row range table never holds the page. */
export const INDEX_ROWS_PER_STEP = 65536;

/** Groups every frame's rows by sample time. One pass per frame; O(rows). */
export function indexTimes(frames: DataFrame[]): TimeIndex {
  const steps = indexTimesSteps(frames);
  let step = steps.next();
  while (!step.done) {
    step = steps.next();
  }
  return step.value;
}

/**
 * The same index as steps: it yields every INDEX_ROWS_PER_STEP rows, so a caller can spread a big range table over
 * several tasks (runSliced) instead of freezing the page; `indexTimes` runs it to the end at once.
 */
export function* indexTimesSteps(frames: DataFrame[]): Generator<void, TimeIndex> {
  const all = new Set<number>();
  const timed: TimedFrame[] = [];
  const constant: DataFrame[] = [];
  const order: TimeIndex['order'] = [];
  for (const frame of frames) {
    const t = yield* timedFrame(frame);
    if (t) {
      t.times.forEach((x) => all.add(x));
      order.push({ timed: true, i: timed.length });
      timed.push(t);
    } else {
      order.push({ timed: false, i: constant.length });
      constant.push(frame);
    }
  }
  return { times: [...all].sort((a, b) => a - b), timed, constant, order };
}

/**
 * The first row in [from, to) whose time is not row 0's, else `to`. A plain function called per step: V8 optimises a
 * long loop inside a generator less well (no on-stack replacement there).
 */
function firstOther(values: unknown[], from: number, to: number): number {
  const first = values[0];
  for (let r = from; r < to; r++) {
    if (values[r] !== first) {
      return r;
    }
  }
  return to;
}

/** Whether to give the page the main thread back after row r (every INDEX_ROWS_PER_STEP rows). */
const due = (r: number) => (r & (INDEX_ROWS_PER_STEP - 1)) === INDEX_ROWS_PER_STEP - 1;

function* timedFrame(frame: DataFrame): Generator<void, TimedFrame | undefined> {
  const time = frame.fields.find((f) => f.type === FieldType.time);
  const n = frame.length;
  if (!time || n < 2) {
    return undefined;
  }
  // An instant query (every row at one evaluation time) is the common case, on every refresh: find that out with one
  // allocation-free scan before building buckets.
  const values = time.values;
  let differs = 1;
  for (;;) {
    const to = Math.min(n, differs + INDEX_ROWS_PER_STEP);
    differs = firstOther(values, differs, to);
    if (differs < to || differs === n) {
      break;
    }
    yield;
  }
  if (differs === n) {
    return undefined;
  }
  const bucketOf = new Map<number, number>();
  const rowBucket = new Int32Array(n).fill(-1);
  for (let r = 0; r < n; r++) {
    if (due(r)) {
      yield;
    }
    const v = Number(time.values[r]);
    if (!Number.isFinite(v)) {
      continue;
    }
    let b = bucketOf.get(v);
    if (b === undefined) {
      b = bucketOf.size;
      bucketOf.set(v, b);
    }
    rowBucket[r] = b;
  }
  if (bucketOf.size < 2) {
    return undefined;
  }
  const sorted = [...bucketOf.keys()].sort((a, b) => a - b);
  const rank = new Int32Array(sorted.length);
  sorted.forEach((t, i) => (rank[bucketOf.get(t)!] = i));
  const offsets = new Int32Array(sorted.length + 1);
  for (let r = 0; r < n; r++) {
    if (due(r)) {
      yield;
    }
    if (rowBucket[r] >= 0) {
      offsets[rank[rowBucket[r]] + 1]++;
    }
  }
  for (let i = 0; i < sorted.length; i++) {
    offsets[i + 1] += offsets[i];
  }
  const fill = offsets.slice(0, sorted.length);
  const rows = new Int32Array(offsets[sorted.length]);
  for (let r = 0; r < n; r++) {
    if (due(r)) {
      yield;
    }
    if (rowBucket[r] >= 0) {
      rows[fill[rank[rowBucket[r]]]++] = r;
    }
  }
  let step = Infinity;
  for (let i = 1; i < sorted.length; i++) {
    step = Math.min(step, sorted[i] - sorted[i - 1]);
  }
  return { frame, times: Float64Array.from(sorted), offsets, rows, step };
}

/** First index in the ascending `times` whose time is > t. */
function upperBound(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= t) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/**
 * The frames as an instant query at `t` would have returned them: each range frame keeps its rows with a sample in
 * (t − its step, t], so a series that stopped before t is absent, as in Prometheus. Other frames are unchanged.
 */
export function framesAt(index: TimeIndex, t: number): DataFrame[] {
  const steps = framesAtSteps(index, t);
  let step = steps.next();
  while (!step.done) {
    step = steps.next();
  }
  return step.value;
}

/**
 * The same, yielding every INDEX_ROWS_PER_STEP values copied: a step's rows are scattered through a 7 M-row table,
 * and gathering them field by field is slow enough to need the page back in between (timelineSteps).
 */
export function* framesAtSteps(index: TimeIndex, t: number): Generator<void, DataFrame[]> {
  const sliced: DataFrame[] = [];
  for (const tf of index.timed) {
    const hi = upperBound(tf.times, t);
    let lo = hi;
    while (lo > 0 && tf.times[lo - 1] > t - tf.step) {
      lo--;
    }
    sliced.push(yield* pick(tf.frame, tf.rows.subarray(tf.offsets[lo], tf.offsets[hi])));
  }
  return index.order.map((o) => (o.timed ? sliced[o.i] : index.constant[o.i]));
}

/**
 * `src[rows[i]]` for every i, in two copies of one loop: one for number and time columns, one for the rest. With a
 * single loop fed both kinds, V8's optimised code for it allocated ~160 MB per step of a 7.2 M-row table (13 columns ×
 * 30,000 rows: ~400 ms in scavenges, the page frozen); each copy seeing one kind of values takes ~16 ms (node 20 and
 * Chromium, `npm run bench -- --only edges`).
 */
function gatherNumbers(src: unknown[], rows: Int32Array): unknown[] {
  const values = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    values[i] = src[rows[i]];
  }
  return values;
}
function gather(src: unknown[], rows: Int32Array): unknown[] {
  const values = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    values[i] = src[rows[i]];
  }
  return values;
}

function* pick(frame: DataFrame, rows: Int32Array): Generator<void, DataFrame> {
  const n = rows.length;
  // One series per frame and one row at that time: a slice, no copy loop.
  const contiguous = n === 0 || rows[n - 1] - rows[0] === n - 1;
  const fields: Field[] = [];
  let copied = 0;
  for (const f of frame.fields) {
    const src = f.values as unknown[];
    let values: unknown[];
    if (contiguous) {
      values = n === 0 ? [] : src.slice(rows[0], rows[0] + n);
    } else {
      values = f.type === FieldType.number || f.type === FieldType.time ? gatherNumbers(src, rows) : gather(src, rows);
      copied += n;
      if (copied >= INDEX_ROWS_PER_STEP) {
        copied = 0;
        yield;
      }
    }
    // `state` caches display values computed for the full frame: not valid for the slice.
    fields.push({ ...f, values, state: undefined });
  }
  return { ...frame, fields, length: n };
}

/** At most `max` of the times, evenly spread, always with the first and the last. */
export function samplePoints(times: number[], max: number): number[] {
  if (times.length <= max) {
    return times.slice();
  }
  const out: number[] = [];
  const n = Math.max(2, max);
  for (let i = 0; i < n; i++) {
    out.push(times[Math.round((i * (times.length - 1)) / (n - 1))]);
  }
  return out;
}

/** Pairs over SLA (or failing) and pairs judged at all (not self, not outside the mesh). */
export function breachShare(counts: Uint32Array): { bad: number; judged: number } {
  let total = 0;
  counts.forEach((c) => (total += c));
  const judged = total - counts[Status.Self] - counts[Status.NotProbed];
  return { bad: counts[Status.Breach] + counts[Status.Failed], judged };
}

export interface TimelinePoint {
  time: number;
  bad: number;
  judged: number;
}

export interface TimelineInput {
  index: TimeIndex;
  options: ModelOptions;
  theme: GrafanaTheme2;
  sla: SlaConfig;
  /** Most points to compute (the strip's width decides); default 120. */
  maxPoints?: number;
}

/** Share in breach at each sampled step. A generator: yields while it builds, so a scheduler can slice it. */
export function* timelineSteps({
  index,
  options,
  theme,
  sla,
  maxPoints = 120,
}: TimelineInput): Generator<void, TimelinePoint[]> {
  const out: TimelinePoint[] = [];
  for (const time of samplePoints(index.times, maxPoints)) {
    const frames = yield* framesAtSteps(index, time);
    const result = yield* buildMatrixSteps({ frames, options, theme });
    const share = result.model ? breachShare(classifyModel(result.model, sla).counts) : { bad: 0, judged: 0 };
    out.push({ time, ...share });
    yield;
  }
  return out;
}

/** The time in `times` nearest to t. */
export function nearestTime(times: number[], t: number): number | undefined {
  if (times.length === 0) {
    return undefined;
  }
  const i = upperBound(times, t);
  if (i === 0) {
    return times[0];
  }
  if (i === times.length) {
    return times[i - 1];
  }
  return t - times[i - 1] <= times[i] - t ? times[i - 1] : times[i];
}

export interface Judged {
  model: MatrixModel;
  status: Uint8Array;
}

/**
 * Cells of `now` (model cell indices) whose status differs from the same host pair in `before`, by host name. A pair
 * that `before` does not have counts as no data (or not probed) then. The diagonal never changes.
 */
export function changedCells(now: Judged, before: Judged): number[] {
  const rowOf = new Map(before.model.rows.map((h, i) => [h, i]));
  const colOf = before.model.cols === before.model.rows ? rowOf : new Map(before.model.cols.map((h, i) => [h, i]));
  const nCols = now.model.cols.length;
  const bCols = before.model.cols.length;
  const colMap = Int32Array.from(now.model.cols, (h) => colOf.get(h) ?? -1);
  const out: number[] = [];
  now.model.rows.forEach((h, r) => {
    const br = rowOf.get(h) ?? -1;
    for (let c = 0; c < nCols; c++) {
      const k = r * nCols + c;
      const s = now.status[k];
      if (s === Status.Self) {
        continue;
      }
      const bc = colMap[c];
      const absent = br < 0 || bc < 0;
      if (absent ? s !== Status.NotProbed && s !== Status.NoData : before.status[br * bCols + bc] !== s) {
        out.push(k);
      }
    }
  });
  return out;
}
