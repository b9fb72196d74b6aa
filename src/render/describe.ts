import { ThresholdsMode, formattedValueToString, getActiveThreshold } from '@grafana/data';

import { AGGREGATION_NAMES, ViewMatrix } from '../model/aggregate';
import { CellState, CellStateCode } from '../model/types';

export interface CellDescription {
  source: string;
  destination: string;
  /** Formatted value with unit (prefixed by the aggregation for group cells), or a dash when there is none. */
  value: string;
  state: string;
  /** Group cells: "7 of 48 pairs over SLA (≥ 100 ms) · 2 with no data". */
  pairs?: string;
}

/**
 * What a person is told about a cell (tooltip, screen reader). State wording follows thresholds:
 * the base step is "OK", higher steps say which threshold the value is at or above.
 */
export function describeCell(view: ViewMatrix, row: number, col: number): CellDescription {
  const i = row * view.cols.length + col;
  const re = view.rows[row];
  const ce = view.cols[col];
  const isGroup = re.kind === 'group' || ce.kind === 'group';
  const display = view.field.display!;
  const fmt = (v: number) => formattedValueToString(display(v));
  const base = {
    source: re.label,
    destination: ce.label,
    pairs: isGroup ? pairsText(view, i, fmt) : undefined,
  };
  switch (view.states[i] as CellStateCode) {
    case CellState.Value: {
      const v = view.values[i];
      const shown = display(v);
      const percentMode = view.field.config.thresholds?.mode === ThresholdsMode.Percentage;
      const steps = view.field.config.thresholds?.steps;
      const threshold = getActiveThreshold(percentMode ? (shown.percent ?? 0) * 100 : v, steps);
      const at = percentMode ? `${threshold.value} %` : fmt(threshold.value);
      // The highest step is the SLA: a value there is "over SLA", lower steps are named by their threshold.
      const top = steps !== undefined && steps.length > 1 && threshold === steps[steps.length - 1];
      const state = !Number.isFinite(threshold.value) ? 'OK' : top ? `Over SLA (≥ ${at})` : `At or above ${at}`;
      const value = formattedValueToString(shown);
      return { ...base, value: isGroup ? `${AGGREGATION_NAMES[view.aggregation]}: ${value}` : value, state };
    }
    case CellState.Invalid:
      return { ...base, value: '—', state: 'Invalid value (NaN, ±Inf or negative)' };
    case CellState.Self:
      return { ...base, value: '—', state: 'Self (not probed)' };
    default:
      return { ...base, value: '—', state: 'No data' };
  }
}

function pairsText(view: ViewMatrix, i: number, fmt: (v: number) => string): string | undefined {
  const counts = view.counts;
  if (!counts) {
    return undefined;
  }
  const sla = Number.isFinite(view.breachAt) ? ` (≥ ${fmt(view.breachAt)})` : '';
  const parts = [`${counts.breached[i]} of ${counts.expected[i]} pairs over SLA${sla}`];
  if (counts.noData[i] > 0) {
    parts.push(`${counts.noData[i]} with no data`);
  }
  return parts.join(' · ');
}
