import { Field, ThresholdsMode } from '@grafana/data';

import { Aggregation } from '../types';
import { AxisEntry, AxisTree } from './hierarchy';
import { CellState, MatrixModel } from './types';

/** What is drawn: one cell per (row entry, column entry); a group entry summarises its pairs. */
export interface ViewMatrix {
  rows: AxisEntry[];
  cols: AxisEntry[];
  values: Float64Array;
  states: Uint8Array;
  field: Field;
  /** Pair counts per cell, present when any entry is a group (a host × host cell is its one pair). */
  counts?: PairCounts;
  aggregation: Aggregation;
  /** The value at and above which a pair counts as "over SLA" (the highest threshold); Infinity when there is none. */
  breachAt: number;
}

export interface PairCounts {
  /** Pairs with a valid value, pairs expected (self pairs excluded), pairs in breach, pairs with no data. */
  pairs: Uint32Array;
  expected: Uint32Array;
  breached: Uint32Array;
  noData: Uint32Array;
}

export const AGGREGATION_NAMES: Record<Aggregation, string> = {
  max: 'Worst',
  mean: 'Mean',
  p50: 'p50',
  p90: 'p90',
  p99: 'p99',
};

/** The highest threshold step, in the value's unit (percentage thresholds resolved against the field's range). */
export function breachThreshold(field: Field): number {
  const steps = field.config.thresholds?.steps ?? [];
  if (steps.length < 2) {
    return Infinity;
  }
  const top = steps[steps.length - 1].value;
  if (field.config.thresholds?.mode === ThresholdsMode.Percentage) {
    const min = field.config.min ?? field.state?.range?.min ?? 0;
    const max = field.config.max ?? field.state?.range?.max ?? 0;
    return min + ((max - min) * top) / 100;
  }
  return top;
}

export interface AggregateInput {
  model: MatrixModel;
  rowTree: AxisTree;
  colTree: AxisTree;
  rows: AxisEntry[];
  cols: AxisEntry[];
  aggregation: Aggregation;
}

/** Aggregates every visible cell from the host matrix. O(hosts²) whatever the grouping. */
export function aggregateView({ model, rowTree, colTree, rows, cols, aggregation }: AggregateInput): ViewMatrix {
  const R = rows.length;
  const C = cols.length;
  const n = R * C;
  const base = { rows, cols, field: model.field, aggregation, breachAt: breachThreshold(model.field) };
  const anyGroup = rows.some((e) => e.kind === 'group') || cols.some((e) => e.kind === 'group');
  if (!anyGroup && isIdentity(rowTree, R, model.rows.length) && isIdentity(colTree, C, model.cols.length)) {
    // Every host in model order: the view is the model (shared, never written), no copy of a million cells.
    return { ...base, values: model.values, states: model.states };
  }
  const view: ViewMatrix = {
    ...base,
    values: new Float64Array(n).fill(NaN),
    states: new Uint8Array(n),
    counts: anyGroup
      ? {
          pairs: new Uint32Array(n),
          expected: new Uint32Array(n),
          breached: new Uint32Array(n),
          noData: new Uint32Array(n),
        }
      : undefined,
  };
  const hostCols = model.cols.length;
  const { values, states } = model;
  const scratch: number[] = [];
  const quantile = aggregation.startsWith('p') ? Number(aggregation.slice(1)) / 100 : undefined;

  for (let r = 0; r < R; r++) {
    const re = rows[r];
    for (let c = 0; c < C; c++) {
      const ce = cols[c];
      const cell = r * C + c;
      if (re.kind === 'host' && ce.kind === 'host') {
        // One pair: the cell is the pair (the common case at host level, a million times over).
        hostCell(view, cell, rowTree.order[re.start] * hostCols + colTree.order[ce.start], model);
        continue;
      }
      const counts = view.counts!;
      let pairs = 0;
      let expected = 0;
      let breached = 0;
      let invalid = 0;
      let acc = aggregation === 'max' ? -Infinity : 0;
      scratch.length = 0;
      for (let p = re.start; p < re.end; p++) {
        const base = rowTree.order[p] * hostCols;
        for (let q = ce.start; q < ce.end; q++) {
          const i = base + colTree.order[q];
          const state = states[i];
          if (state === CellState.Self) {
            continue;
          }
          expected++;
          if (state === CellState.Value) {
            const v = values[i];
            pairs++;
            if (v >= view.breachAt) {
              breached++;
            }
            if (aggregation === 'max') {
              acc = v > acc ? v : acc;
            } else if (aggregation === 'mean') {
              acc += v;
            } else {
              scratch.push(v);
            }
          } else if (state === CellState.Invalid) {
            invalid++;
          }
        }
      }
      counts.pairs[cell] = pairs;
      counts.expected[cell] = expected;
      counts.breached[cell] = breached;
      counts.noData[cell] = expected - pairs - invalid;
      if (pairs > 0) {
        view.states[cell] = CellState.Value;
        view.values[cell] =
          quantile !== undefined ? quantileOf(scratch, quantile) : aggregation === 'mean' ? acc / pairs : acc;
      } else if (invalid > 0) {
        view.states[cell] = CellState.Invalid;
      } else {
        view.states[cell] = expected === 0 ? CellState.Self : CellState.NoData;
      }
    }
  }
  return view;
}

function hostCell(view: ViewMatrix, cell: number, i: number, { values, states }: MatrixModel) {
  const state = states[i];
  view.states[cell] = state;
  view.values[cell] = values[i];
  const counts = view.counts;
  if (!counts || state === CellState.Self) {
    return;
  }
  counts.expected[cell] = 1;
  if (state === CellState.Value) {
    counts.pairs[cell] = 1;
    counts.breached[cell] = values[i] >= view.breachAt ? 1 : 0;
  } else if (state === CellState.NoData) {
    counts.noData[cell] = 1;
  }
}

function isIdentity(tree: AxisTree, entries: number, hosts: number): boolean {
  if (entries !== hosts) {
    return false;
  }
  for (let p = 0; p < tree.order.length; p++) {
    if (tree.order[p] !== p) {
      return false;
    }
  }
  return true;
}

/** Linear interpolation between closest ranks, as Prometheus' quantile() does, so panel and recording rules agree. */
export function quantileOf(xs: number[], q: number): number {
  const s = Float64Array.from(xs).sort();
  if (s.length === 0) {
    return NaN;
  }
  const rank = q * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (s[hi] - s[lo]) * (rank - lo);
}
