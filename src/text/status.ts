import { t } from '@grafana/i18n';

import { Status, StatusCode } from '../model/sla';
import { Aggregation } from '../options/types';

/** The state's name in the user's language (legend, tooltip, lists). One literal key per state: the extractor reads only those. */
export function statusLabel(s: StatusCode): string {
  switch (s) {
    case Status.Failed:
      return t('status.failed', 'Probe failed');
    case Status.Breach:
      return t('status.breach', 'Over SLA');
    case Status.Warning:
      return t('status.warning', 'Warning');
    case Status.Invalid:
      return t('status.invalid', 'Invalid value');
    case Status.Stale:
      return t('status.stale', 'Stale');
    case Status.NoData:
      return t('status.no-data', 'No data');
    case Status.OK:
      return t('status.ok', 'OK');
    case Status.NotProbed:
      return t('status.not-probed', 'Not probed');
    case Status.Self:
      return t('status.self', 'Self');
  }
}

/** The aggregation's name in the user's language (group cells' tooltip): "Worst", "Mean", "p50"… */
export function aggregationLabel(aggregation: Aggregation): string {
  switch (aggregation) {
    case 'max':
      return t('model.aggregation.max', 'Worst');
    case 'mean':
      return t('model.aggregation.mean', 'Mean');
    case 'share':
      return t('model.aggregation.share', 'Over SLA');
    default:
      // p50 / p90 / p99: the statistic's own name, the same in every language.
      return aggregation;
  }
}
