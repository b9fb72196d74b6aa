import { Field, ThresholdsMode } from '@grafana/data';

import { Aggregation } from '../options/types';
import { AxisEntry, AxisTree } from './hierarchy';
import { Classified, MEASURED, Status } from '../model/sla';
import { hostViewSteps } from './hostView';
import { MatrixModel } from '../model/types';
import { CELLS_PER_STEP, finish } from '../util/steps';

/** What is drawn: one cell per (row entry, column entry); a group entry summarises its pairs. */
export interface ViewMatrix {
  rows: AxisEntry[];
  cols: AxisEntry[];
  values: Float64Array;
  field: Field;
  /** SLA status per cell (sla.ts `Status`): a host cell's own, a group cell's summary of its pairs. What is drawn. */
  status: Uint8Array;
  /** Status of the loss metric alone per cell (0 where none), when there is a loss query. */
  lossStatus?: Uint8Array;
  /** Loss ratio per cell (the worst pair's for group cells), when there is a loss query. */
  loss?: Float64Array;
  /** Scope index per host cell into `classified.scopes` (scopes mode); NO_SCOPE for group cells. */
  scope?: Uint8Array;
  /** Pair counts per cell, present when any entry is a group (a host × host cell is its one pair). */
  counts?: PairCounts;
  /**
   * Aggregation `share`: per group cell, the share of its judged pairs over SLA or failed (0..1); NaN for host cells
   * and for groups with no judged pair. Painted as a ramp from OK to over SLA.
   */
  share?: Float32Array;
  aggregation: Aggregation;
  /** The value at and above which a pair counts as "over SLA" (the highest threshold); Infinity when there is none. */
  breachAt: number;
  /** How the statuses were judged (thresholds: one SLA for all pairs; scopes: per scope). */
  classified: Classified;
  /** 1 where the cell's value (or one of a group's pairs) was read in a guessed unit (model.unitGuessed). */
  unitGuessed?: Uint8Array;
}

export interface PairCounts {
  /** Pairs with a latency or loss value, pairs expected (self and not-probed pairs excluded), and pairs per status. */
  pairs: Uint32Array;
  expected: Uint32Array;
  breached: Uint32Array;
  warning: Uint32Array;
  failed: Uint32Array;
  noData: Uint32Array;
  stale: Uint32Array;
}

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

/** Warning and over-SLA levels from the field thresholds: the second step warns (with three or more), the top one breaches. */
export function thresholdLevels(field: Field): { warn: number; breach: number } {
  const steps = field.config.thresholds?.steps ?? [];
  const breach = breachThreshold(field);
  if (steps.length < 3) {
    return { warn: breach, breach };
  }
  const second = steps[1].value;
  if (field.config.thresholds?.mode === ThresholdsMode.Percentage) {
    const min = field.config.min ?? field.state?.range?.min ?? 0;
    const max = field.config.max ?? field.state?.range?.max ?? 0;
    return { warn: min + ((max - min) * second) / 100, breach };
  }
  return { warn: second, breach };
}

export interface AggregateInput {
  model: MatrixModel;
  rowTree: AxisTree;
  colTree: AxisTree;
  rows: AxisEntry[];
  cols: AxisEntry[];
  aggregation: Aggregation;
  classified: Classified;
}

/** Aggregates every visible cell from the host matrix. O(hosts²) whatever the grouping. */
export function aggregateView(input: AggregateInput): ViewMatrix {
  return finish(aggregateViewSteps(input));
}

/** The same, as steps: it yields every CELLS_PER_STEP host pairs read, so a huge mesh can be viewed in slices. */
export function* aggregateViewSteps({
  model,
  rowTree,
  colTree,
  rows,
  cols,
  aggregation,
  classified,
}: AggregateInput): Generator<void, ViewMatrix> {
  const R = rows.length;
  const C = cols.length;
  const n = R * C;
  const base = {
    rows,
    cols,
    field: model.field,
    aggregation,
    breachAt: breachThreshold(model.field),
    classified,
  };
  const anyGroup = rows.some((e) => e.kind === 'group') || cols.some((e) => e.kind === 'group');
  if (!anyGroup && isIdentity(rowTree, R, model.rows.length) && isIdentity(colTree, C, model.cols.length)) {
    // Every host in model order: the view is the model (shared, never written), no copy of a million cells.
    return {
      ...base,
      values: model.values,
      status: classified.status,
      lossStatus: classified.lossStatus,
      loss: model.loss,
      scope: classified.scope,
      unitGuessed: model.unitGuessed,
    };
  }
  if (!anyGroup) {
    // Every entry a host, in another order (sorted by breaches, zoomed): row by row gathers, no per-cell call.
    return yield* hostViewSteps(base, model, classified, rowTree, colTree, rows, cols);
  }
  const withLoss = model.loss !== undefined;
  const view: ViewMatrix = {
    ...base,
    values: new Float64Array(n).fill(NaN),
    status: new Uint8Array(n),
    lossStatus: withLoss ? new Uint8Array(n) : undefined,
    loss: withLoss ? new Float64Array(n).fill(NaN) : undefined,
    scope: classified.scope ? new Uint8Array(n).fill(NO_SCOPE) : undefined,
    unitGuessed: model.unitGuessed ? new Uint8Array(n) : undefined,
    counts: anyGroup
      ? {
          pairs: new Uint32Array(n),
          expected: new Uint32Array(n),
          breached: new Uint32Array(n),
          warning: new Uint32Array(n),
          failed: new Uint32Array(n),
          noData: new Uint32Array(n),
          stale: new Uint32Array(n),
        }
      : undefined,
    share: anyGroup && aggregation === 'share' ? new Float32Array(n).fill(NaN) : undefined,
  };
  const hostCols = model.cols.length;
  const { values, presence } = model;
  const { status, lossStatus } = classified;
  const loss = model.loss;
  const guessed = model.unitGuessed;
  const scratch: number[] = [];
  const byStatus = new Uint32Array(STATUS_SLOTS);
  const quantile = aggregation.startsWith('p') ? Number(aggregation.slice(1)) / 100 : undefined;

  let read = 0;
  for (let r = 0; r < R; r++) {
    const re = rows[r];
    read += (re.end - re.start) * hostCols;
    if (read >= CELLS_PER_STEP) {
      read = 0;
      yield;
    }
    for (let c = 0; c < C; c++) {
      const ce = cols[c];
      const cell = r * C + c;
      if (re.kind === 'host' && ce.kind === 'host') {
        // One pair: the cell is the pair (the common case at host level, a million times over).
        hostCell(view, cell, rowTree.order[re.start] * hostCols + colTree.order[ce.start], model, classified);
        continue;
      }
      let pairs = 0;
      let valued = 0;
      let acc = aggregation === 'max' || aggregation === 'share' ? -Infinity : 0;
      let worstLoss = NaN;
      let worstLossStatus = 0;
      byStatus.fill(0);
      scratch.length = 0;
      for (let p = re.start; p < re.end; p++) {
        const base = rowTree.order[p] * hostCols;
        for (let q = ce.start; q < ce.end; q++) {
          const i = base + colTree.order[q];
          byStatus[status[i]]++;
          if (presence[i] === MEASURED) {
            const v = values[i];
            pairs++;
            if (v === v) {
              valued++;
              if (aggregation === 'max' || aggregation === 'share') {
                acc = v > acc ? v : acc;
              } else if (aggregation === 'mean') {
                acc += v;
              } else {
                scratch.push(v);
              }
            }
          }
          if (guessed !== undefined && guessed[i] === 1) {
            view.unitGuessed![cell] = 1;
          }
          if (loss !== undefined && loss[i] === loss[i] && !(loss[i] <= worstLoss)) {
            worstLoss = loss[i];
          }
          if (lossStatus !== undefined && lossStatus[i] > worstLossStatus) {
            worstLossStatus = lossStatus[i];
          }
        }
      }
      const counts = view.counts!;
      const expected = byStatus.reduce((a, b) => a + b, 0) - byStatus[Status.Self] - byStatus[Status.NotProbed];
      counts.pairs[cell] = pairs;
      counts.expected[cell] = expected;
      counts.breached[cell] = byStatus[Status.Breach];
      counts.warning[cell] = byStatus[Status.Warning];
      counts.failed[cell] = byStatus[Status.Failed];
      counts.noData[cell] = byStatus[Status.NoData];
      counts.stale[cell] = byStatus[Status.Stale];
      // Loss-only pairs are measured but have no latency: the latency statistic is over the pairs that have one.
      if (valued > 0) {
        view.values[cell] =
          quantile !== undefined ? quantileOf(scratch, quantile) : aggregation === 'mean' ? acc / valued : acc;
      }
      view.status[cell] = groupStatus(byStatus, aggregation, quantile);
      if (view.share) {
        const judged =
          byStatus[Status.OK] + byStatus[Status.Warning] + byStatus[Status.Breach] + byStatus[Status.Failed];
        view.share[cell] = judged > 0 ? (byStatus[Status.Breach] + byStatus[Status.Failed]) / judged : NaN;
      }
      if (view.loss) {
        view.loss[cell] = worstLoss;
        view.lossStatus![cell] = worstLossStatus;
      }
    }
  }
  return view;
}

const STATUS_SLOTS = 9;
export const NO_SCOPE = 255;
const SEVERITY = [Status.OK, Status.Warning, Status.Breach] as const;

/** Share mode: at least this share of a group's judged pairs over SLA makes it over SLA; SHARE_WARN a warning. */
export const SHARE_BREACH = 0.5;
export const SHARE_WARN = 0.1;

/**
 * A group cell's status. Worst pair: the worst status of its pairs. Mean / percentiles: that statistic of its judged
 * pairs' severities (OK < warning < over SLA, a failed probe counting as over SLA), so "p50" means "what half of the
 * pairs are at most"; share: over SLA from SHARE_BREACH of them, a warning from SHARE_WARN. With no judged pair, the
 * worst of the rest (no data, stale, …).
 */
function groupStatus(byStatus: Uint32Array, aggregation: Aggregation, quantile: number | undefined): number {
  let worst = 0;
  for (let s = STATUS_SLOTS - 1; s >= 0; s--) {
    if (byStatus[s] > 0) {
      worst = s;
      break;
    }
  }
  if (aggregation === 'max') {
    return worst;
  }
  const sev = [byStatus[Status.OK], byStatus[Status.Warning], byStatus[Status.Breach] + byStatus[Status.Failed]];
  const judged = sev[0] + sev[1] + sev[2];
  if (judged === 0) {
    return worst;
  }
  let level: number;
  if (aggregation === 'share') {
    const share = sev[2] / judged;
    level = share >= SHARE_BREACH ? 2 : share >= SHARE_WARN ? 1 : 0;
  } else if (quantile === undefined) {
    level = Math.round((sev[1] + 2 * sev[2]) / judged);
  } else {
    // Lower closest rank, like the value quantile's lower neighbour: the level at rank q·(n−1).
    const rank = Math.floor(quantile * (judged - 1));
    level = rank < sev[0] ? 0 : rank < sev[0] + sev[1] ? 1 : 2;
  }
  return SEVERITY[level];
}

function hostCell(view: ViewMatrix, cell: number, i: number, model: MatrixModel, classified: Classified) {
  const st = classified.status[i];
  view.values[cell] = model.values[i];
  view.status[cell] = st;
  if (view.scope) {
    view.scope[cell] = classified.scope![i];
  }
  if (view.unitGuessed) {
    view.unitGuessed[cell] = model.unitGuessed![i];
  }
  if (view.loss) {
    view.loss[cell] = model.loss![i];
    view.lossStatus![cell] = classified.lossStatus![i];
  }
  const counts = view.counts;
  if (!counts || st === Status.Self || st === Status.NotProbed) {
    return;
  }
  counts.expected[cell] = 1;
  counts.pairs[cell] = model.presence[i] === MEASURED ? 1 : 0;
  counts.breached[cell] = st === Status.Breach ? 1 : 0;
  counts.warning[cell] = st === Status.Warning ? 1 : 0;
  counts.failed[cell] = st === Status.Failed ? 1 : 0;
  counts.noData[cell] = st === Status.NoData ? 1 : 0;
  counts.stale[cell] = st === Status.Stale ? 1 : 0;
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
