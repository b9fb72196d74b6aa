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
  /** Per cell: pairs with a valid value, pairs expected (self pairs excluded), pairs in breach, pairs with no data. */
  pairs: Uint32Array;
  expected: Uint32Array;
  breached: Uint32Array;
  noData: Uint32Array;
  aggregation: Aggregation;
  /** The value at and above which a pair counts as "over SLA" (the highest threshold); Infinity when there is none. */
  breachAt: number;
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
  const view: ViewMatrix = {
    rows,
    cols,
    values: new Float64Array(n).fill(NaN),
    states: new Uint8Array(n),
    field: model.field,
    pairs: new Uint32Array(n),
    expected: new Uint32Array(n),
    breached: new Uint32Array(n),
    noData: new Uint32Array(n),
    aggregation,
    breachAt: breachThreshold(model.field),
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
      view.pairs[cell] = pairs;
      view.expected[cell] = expected;
      view.breached[cell] = breached;
      view.noData[cell] = expected - pairs - invalid;
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
