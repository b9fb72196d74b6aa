import { Field, FieldConfig, FieldType, GrafanaTheme2, getDisplayProcessor } from '@grafana/data';
import { t } from '@grafana/i18n';

import { RAW } from '../util/i18n';
import { UNKNOWN_GROUP } from '../model/topology';
import { MEASURED, Status } from '../model/sla';
import { MatrixModel, PairSource } from '../model/types';
import { GroupedAxes, TopologyInput, hostPaths } from './cardinality';
import { PairAcc } from './fold';
import { CELLS_PER_STEP, inChunks } from '../util/steps';
import { ResolvedMapping } from './mapping';

/** The pair queries besides latency, folded like it. */
export interface ExtraMetrics {
  loss?: PairAcc;
  fail?: PairAcc;
  expected?: PairAcc;
  baseline?: PairAcc;
  /** Epoch seconds of each pair's newest sample (e.g. `timestamp(metric)`). */
  timestamp?: PairAcc;
  /** What a pair with no series at all means. */
  missing: 'noData' | 'notProbed' | 'ok';
}

export interface AssembleInput {
  acc: PairAcc;
  hostNames: string[];
  config: FieldConfig;
  theme: GrafanaTheme2;
  notices: string[];
  mapping: ResolvedMapping;
  topology: TopologyInput;
  source: PairSource;
  extra: ExtraMetrics;
  grouped?: GroupedAxes;
  /** Hosts (axis names) that probe nothing by design: their rows are not probed, not "no data". */
  passive?: Set<string>;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
/** Whether to yield at entry or cell i: every CELLS_PER_STEP of them. */
const due = (i: number) => (i & (CELLS_PER_STEP - 1)) === CELLS_PER_STEP - 1;

/**
 * Folded pairs → the dense rows × cols model: axes, values, presence states, loss, ages, notices. As steps: it yields
 * every CELLS_PER_STEP pairs or cells (16 M pairs at 4,096 hosts assemble in slices).
 */
export function* assembleSteps({
  acc,
  hostNames,
  config,
  theme,
  notices,
  mapping,
  topology,
  source,
  extra,
  grouped,
  passive,
}: AssembleInput): Generator<void, MatrixModel> {
  const isSrc = new Uint8Array(hostNames.length);
  const isDst = new Uint8Array(hostNames.length);
  const pairAccs = [acc, extra.loss, extra.fail, extra.expected, extra.baseline, extra.timestamp].filter(
    (a): a is PairAcc => a !== undefined
  );
  for (const a of pairAccs) {
    yield* inChunks(a.length, (from, to) => markSides(a, isSrc, isDst, from, to));
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
  // Presence: the status ingest decides alone, or MEASURED for the SLA to judge (MatrixModel.presence).
  const absent = { noData: Status.NoData, notProbed: Status.NotProbed, ok: Status.OK }[extra.missing];
  const presence = new Uint8Array(nRows * nCols).fill(absent);
  const axes: Axes = { rowOf, colOf, nCols };
  const cellOf = (a: PairAcc, i: number) => rowOf[a.src[i]] * nCols + colOf[a.dst[i]];
  // A pair with a series in any pair query is expected: without a latency or loss sample it has no data. (The
  // latency pairs themselves are marked as they are filled below.)
  for (const a of pairAccs.slice(1)) {
    yield* inChunks(a.length, (from, to) => markExpected(a, axes, presence, from, to));
  }
  if (sameAxes) {
    for (let r = 0; r < nRows; r++) {
      presence[r * nCols + r] = Status.Self;
    }
  }
  const newestAll = acc.newest.reduce((m, t) => (t > m ? t : m), -Infinity);
  const filled: Filled = {
    values,
    presence,
    age: acc.newest.length > 0 && Number.isFinite(newestAll) ? new Float64Array(nRows * nCols).fill(NaN) : undefined,
    newestAll,
    duplicates: 0,
    invalid: 0,
    min: Infinity,
    max: -Infinity,
  };
  yield* inChunks(acc.length, (from, to) => fillLatency(acc, axes, filled, from, to));
  const { age, duplicates, invalid, min, max } = filled;
  // A passive node's row: nothing was sent from it, so what has no series there was never probed.
  let passiveRows = 0;
  if (passive && passive.size > 0) {
    for (let r = 0; r < nRows; r++) {
      if (passive.has(hostNames[rowIds[r]])) {
        passiveRows++;
        for (let c = 0; c < nCols; c++) {
          const k = r * nCols + c;
          if (presence[k] === Status.NoData || presence[k] === Status.OK) {
            presence[k] = Status.NotProbed;
          }
        }
      }
    }
  }
  if (passiveRows > 0) {
    notices.push(
      t('model.notice.passive', '', {
        count: passiveRows,
        defaultValue_one: '{{count}} node is passive (node mode 0): it probes nothing, so its row is not probed.',
        defaultValue_other:
          '{{count}} nodes are passive (node mode 0): they probe nothing, so their rows are not probed.',
        ...RAW,
      })
    );
  }
  // Loss alone makes a measured pair; a failing probe outranks every measurement.
  function* dense(a: PairAcc | undefined): Generator<void, Float64Array | undefined> {
    if (!a) {
      return undefined;
    }
    const out = new Float64Array(nRows * nCols).fill(NaN);
    yield* inChunks(a.length, (from, to) => fillDense(a, axes, out, from, to));
    return out;
  }
  const loss = yield* dense(extra.loss);
  if (loss) {
    for (let k = 0; k < loss.length; k++) {
      if (due(k)) {
        yield;
      }
      if (!Number.isNaN(loss[k]) && presence[k] === Status.NoData) {
        presence[k] = MEASURED;
      }
    }
  }
  let failed = 0;
  if (extra.fail) {
    for (let i = 0; i < extra.fail.length; i++) {
      if (due(i)) {
        yield;
      }
      const cell = cellOf(extra.fail, i);
      if (extra.fail.kind[i] === 1 && extra.fail.value[i] > 0 && presence[cell] !== Status.Self) {
        presence[cell] = Status.Failed;
        failed++;
      }
    }
  }
  // Sample times from a timestamp query beat the range frames' own: age against the freshest pair.
  const stamps = yield* dense(extra.timestamp);
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
  const baseline = yield* dense(extra.baseline);
  let unitGuessed: Uint8Array | undefined;
  if (acc.guessed.length > 0) {
    unitGuessed = new Uint8Array(nRows * nCols);
    for (let i = 0; i < acc.length; i++) {
      if (due(i)) {
        yield;
      }
      unitGuessed[cellOf(acc, i)] = acc.guessed[i];
    }
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
  if (acc.mixed > 0) {
    notices.push(
      t('model.notice.duplicates-invalid', '', {
        count: acc.mixed,
        defaultValue_one:
          '{{count}} pair has a NaN or ±Inf series beside finite ones: shown as invalid, as a timeout is worse than any latency.',
        defaultValue_other:
          '{{count}} pairs have a NaN or ±Inf series beside finite ones: shown as invalid, as a timeout is worse than any latency.',
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
    presence,
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
      destinationPrefix: mapping.destinationPrefix,
    },
    source,
    unitGuessed,
  };
}

/** Where a host id goes: its row and column (-1: not on that axis), and the row length. */
interface Axes {
  rowOf: Int32Array;
  colOf: Int32Array;
  nCols: number;
}

/** The dense latency model being filled, and what the fill counts. */
interface Filled {
  values: Float64Array;
  presence: Uint8Array;
  age?: Float64Array;
  newestAll: number;
  duplicates: number;
  invalid: number;
  min: number;
  max: number;
}

// The loops below are plain functions called per chunk (inChunks): hot loops, out of the generator.

function markSides(a: PairAcc, isSrc: Uint8Array, isDst: Uint8Array, from: number, to: number) {
  for (let i = from; i < to; i++) {
    isSrc[a.src[i]] = 1;
    isDst[a.dst[i]] = 1;
  }
}

function markExpected(a: PairAcc, { rowOf, colOf, nCols }: Axes, presence: Uint8Array, from: number, to: number) {
  const { src, dst } = a;
  for (let i = from; i < to; i++) {
    presence[rowOf[src[i]] * nCols + colOf[dst[i]]] = Status.NoData;
  }
}

function fillLatency(acc: PairAcc, { rowOf, colOf, nCols }: Axes, f: Filled, from: number, to: number) {
  const { src, dst, kind, value, series, newest } = acc;
  const { values, presence, age, newestAll } = f;
  let { duplicates, invalid, min, max } = f;
  for (let i = from; i < to; i++) {
    const cell = rowOf[src[i]] * nCols + colOf[dst[i]];
    if (age && Number.isFinite(newest[i])) {
      age[cell] = newestAll - newest[i];
    }
    if (series[i] > 1) {
      duplicates++;
    }
    const k = kind[i];
    if (k === 1) {
      const v = value[i];
      values[cell] = v;
      presence[cell] = MEASURED;
      if (v < min) {
        min = v;
      }
      if (v > max) {
        max = v;
      }
    } else if (k === 2) {
      presence[cell] = Status.Invalid;
      invalid++;
    } else if (presence[cell] !== Status.Self) {
      presence[cell] = Status.NoData;
    }
  }
  Object.assign(f, { duplicates, invalid, min, max });
}

function fillDense(a: PairAcc, { rowOf, colOf, nCols }: Axes, out: Float64Array, from: number, to: number) {
  const { src, dst, kind, value } = a;
  for (let i = from; i < to; i++) {
    if (kind[i] === 1) {
      out[rowOf[src[i]] * nCols + colOf[dst[i]]] = value[i];
    }
  }
}
