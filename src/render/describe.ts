import { formattedValueToString, getValueFormat } from '@grafana/data';

import { AGGREGATION_NAMES, NO_SCOPE, ViewMatrix } from '../model/aggregate';
import { STATUS_NAMES, ScopeSla, Status, StatusCode } from '../model/sla';

export interface CellDescription {
  source: string;
  destination: string;
  /** Formatted latency with unit (prefixed by the aggregation for group cells), or a dash when there is none. */
  value: string;
  /** Formatted loss ("2.00%"), when there is a loss query and a value. */
  loss?: string;
  status: StatusCode;
  /** "OK", "Over SLA (≥ 1 ms)", "Warning (loss ≥ 0.01%)", "Stale: newest sample 3.0 min old", … */
  state: string;
  /** The SLA the cell was judged by, in scopes mode: "same-tor SLA: warning ≥ 0.5 ms, over ≥ 1 ms". */
  sla?: string;
  /** Group cells: "7 of 48 pairs over SLA · 2 with no data". */
  pairs?: string;
}

const percent = getValueFormat('percentunit');
export const formatLoss = (x: number) => formattedValueToString(percent(x, x > 0 && x < 0.001 ? 3 : 2));

/** What a person is told about a cell (tooltip, screen reader, worst-pairs list). */
export function describeCell(view: ViewMatrix, row: number, col: number): CellDescription {
  const i = row * view.cols.length + col;
  const re = view.rows[row];
  const ce = view.cols[col];
  const isGroup = re.kind === 'group' || ce.kind === 'group';
  const display = view.field.display!;
  const fmt = (v: number) => formattedValueToString(display(v));
  const status = view.status[i] as StatusCode;
  const v = view.values[i];
  const shown = Number.isFinite(v) ? fmt(v) : '—';
  const x = view.loss?.[i];
  const { classified } = view;
  const k = view.scope && view.scope[i] !== NO_SCOPE ? view.scope[i] : classified.scopes.length === 1 ? 0 : undefined;
  const sla: ScopeSla | undefined = k === undefined ? undefined : classified.slas[k];
  return {
    source: re.label,
    destination: ce.label,
    value: isGroup && Number.isFinite(v) ? `${AGGREGATION_NAMES[view.aggregation]}: ${shown}` : shown,
    loss: x !== undefined && Number.isFinite(x) ? formatLoss(x) : undefined,
    status,
    state: stateText(view, i, status, sla, fmt, isGroup),
    sla: sla && classified.mode === 'scopes' && k !== undefined ? slaText(classified.scopes[k], sla, fmt) : undefined,
    pairs: isGroup ? pairsText(view, i, fmt) : undefined,
  };
}

function stateText(
  view: ViewMatrix,
  i: number,
  status: StatusCode,
  sla: ScopeSla | undefined,
  fmt: (v: number) => string,
  isGroup: boolean
): string {
  const name = STATUS_NAMES[status];
  if (status !== Status.Breach && status !== Status.Warning) {
    if (status === Status.Invalid) {
      return 'Invalid value (NaN, ±Inf or negative)';
    }
    if (status === Status.Self) {
      return 'Self (not probed)';
    }
    return name;
  }
  if (isGroup || !sla) {
    return name;
  }
  const breach = status === Status.Breach;
  const v = view.values[i];
  const x = view.loss?.[i];
  const baseline = view.classified.mode === 'baseline';
  const latAt = breach ? sla.latencyBreach : sla.latencyWarn;
  const lossAt = breach ? sla.lossBreach : sla.lossWarn;
  const why: string[] = [];
  if (!baseline && v >= latAt) {
    why.push(`≥ ${fmt(latAt)}`);
  }
  if (x !== undefined && x >= lossAt) {
    why.push(`loss ≥ ${formatLoss(lossAt)}`);
  }
  if (baseline && why.length === 0) {
    why.push(`≥ ${breach ? view.classified.baselineBreach : view.classified.baselineWarn}× baseline`);
  }
  return why.length > 0 ? `${name} (${why.join(', ')})` : name;
}

function slaText(scope: string, sla: ScopeSla, fmt: (v: number) => string): string {
  return `${scope} SLA: warning ≥ ${fmt(sla.latencyWarn)}, over ≥ ${fmt(sla.latencyBreach)}; loss ${formatLoss(
    sla.lossWarn
  )} / ${formatLoss(sla.lossBreach)}`;
}

function pairsText(view: ViewMatrix, i: number, fmt: (v: number) => string): string | undefined {
  const counts = view.counts;
  if (!counts) {
    return undefined;
  }
  // One SLA for every pair (thresholds mode): say which; per scope, the tooltip of each pair says.
  const { mode, slas } = view.classified;
  const at =
    mode === 'thresholds' && Number.isFinite(slas[0].latencyBreach) ? ` (≥ ${fmt(slas[0].latencyBreach)})` : '';
  const parts = [`${counts.breached[i]} of ${counts.expected[i]} pairs over SLA${at}`];
  const more: Array<[Uint32Array, string]> = [
    [counts.failed, 'probe failed'],
    [counts.warning, 'warning'],
    [counts.noData, 'with no data'],
    [counts.stale, 'stale'],
  ];
  for (const [arr, what] of more) {
    if (arr[i] > 0) {
      parts.push(`${arr[i]} ${what}`);
    }
  }
  return parts.join(' · ');
}
