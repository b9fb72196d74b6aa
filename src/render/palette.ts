import { GrafanaTheme2 } from '@grafana/data';

import { CellState, CellStateCode } from '../model/types';

/**
 * Colours of the states that are not a value. None of them is a threshold colour: "no data" must never
 * look OK, and an invalid value must never look like a reading.
 */
export function stateColors(theme: GrafanaTheme2): Record<Exclude<CellStateCode, typeof CellState.Value>, string> {
  const dark = theme.isDark;
  return {
    [CellState.NoData]: dark ? '#4a4d55' : '#b9bcc4',
    [CellState.Invalid]: theme.visualization.getColorByName('purple'),
    [CellState.Self]: dark ? '#1d1f24' : '#eef0f3',
  };
}
