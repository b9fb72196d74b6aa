import { Field, formattedValueToString } from '@grafana/data';
import { t } from '@grafana/i18n';

import { formatLoss } from '../model/lossFormat';
import { Classified } from '../model/sla';
import { RAW } from '../util/i18n';

/** One line per SLA the cells were judged by, for the legend. */
export function slaLines(classified: Classified, field: Field): string[] {
  const fmt = (v: number) => (Number.isFinite(v) ? formattedValueToString(field.display!(v)) : '—');
  if (classified.mode === 'baseline') {
    const s = classified.slas[0];
    return [
      t('sla.line.baseline', 'latency ≥ {{warn}}× the pair’s baseline warning, ≥ {{breach}}× over SLA', {
        warn: String(classified.baselineWarn),
        breach: String(classified.baselineBreach),
        ...RAW,
      }),
      t('sla.line.loss', 'loss ≥ {{warn}} warning, ≥ {{breach}} over', {
        warn: formatLoss(s.lossWarn),
        breach: formatLoss(s.lossBreach),
        ...RAW,
      }),
    ];
  }
  return classified.scopes.map((scope, i) => {
    const s = classified.slas[i];
    const values = {
      latencyWarn: fmt(s.latencyWarn),
      latencyBreach: fmt(s.latencyBreach),
      lossWarn: formatLoss(s.lossWarn),
      lossBreach: formatLoss(s.lossBreach),
      ...RAW,
    };
    return classified.mode === 'scopes'
      ? t(
          'sla.line.scope',
          '{{scope}}: latency ≥ {{latencyWarn}} warning, ≥ {{latencyBreach}} over SLA · loss ≥ {{lossWarn}} warning, ≥ {{lossBreach}} over',
          { scope, ...values }
        )
      : t(
          'sla.line.thresholds',
          'latency ≥ {{latencyWarn}} warning, ≥ {{latencyBreach}} over SLA · loss ≥ {{lossWarn}} warning, ≥ {{lossBreach}} over',
          values
        );
  });
}
