import { ThresholdsMode, formattedValueToString, getActiveThreshold } from '@grafana/data';

import { CellState, CellStateCode, MatrixModel } from '../model/types';

export interface CellDescription {
  source: string;
  destination: string;
  /** Formatted value with unit, or a dash when there is none. */
  value: string;
  state: string;
}

/**
 * What a person is told about a cell (tooltip, screen reader). State wording follows thresholds:
 * the base step is "OK", higher steps say which threshold the value is at or above.
 */
export function describeCell(model: MatrixModel, row: number, col: number): CellDescription {
  const i = row * model.cols.length + col;
  const state = model.states[i] as CellStateCode;
  const base = { source: model.rows[row], destination: model.cols[col] };
  const display = model.field.display!;
  switch (state) {
    case CellState.Value: {
      const v = model.values[i];
      const shown = display(v);
      const percentMode = model.field.config.thresholds?.mode === ThresholdsMode.Percentage;
      const steps = model.field.config.thresholds?.steps;
      const threshold = getActiveThreshold(percentMode ? (shown.percent ?? 0) * 100 : v, steps);
      const isBase = !Number.isFinite(threshold.value);
      const at = percentMode ? `${threshold.value} %` : formattedValueToString(display(threshold.value));
      const state = isBase ? 'OK' : `At or above ${at}`;
      return { ...base, value: formattedValueToString(shown), state };
    }
    case CellState.Invalid:
      return { ...base, value: '—', state: 'Invalid value (NaN, ±Inf or negative)' };
    case CellState.Self:
      return { ...base, value: '—', state: 'Self (not probed)' };
    default:
      return { ...base, value: '—', state: 'No data' };
  }
}
