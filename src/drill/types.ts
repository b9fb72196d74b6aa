import { DataFrame, DataQueryRequest, TimeRange } from '@grafana/data';

/** What the drill-down needs of the panel's response: its frames, the request behind them, and the dashboard's time. */
export interface DrillData {
  frames: DataFrame[];
  request?: DataQueryRequest;
  timeRange: TimeRange;
  timeZone: string;
}
