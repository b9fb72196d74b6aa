import { Field, formattedValueToString, rangeUtil } from '@grafana/data';
import { t } from '@grafana/i18n';

import { RAW } from '../i18nText';
import { formatLoss } from '../render/describe';
import { PingmeshOptions } from '../types';
import { Classified, DEFAULT_SLA_CONFIG, SlaConfig } from './sla';

export const SLA_OPTION_KEYS = [
  'slaMode',
  'slaScopes',
  'lossWarn',
  'lossBreach',
  'baselineWarn',
  'baselineBreach',
  'staleAfter',
] as const;
export type SlaOptions = Pick<PingmeshOptions, (typeof SLA_OPTION_KEYS)[number]>;

export interface SlaConfigResult {
  config: SlaConfig;
  warning?: string;
}

/** The panel's SLA options as the classifier takes them; a bad stale age is reported, never thrown. */
export function slaConfigOf(options: SlaOptions): SlaConfigResult {
  let staleMs = 0;
  let warning: string | undefined;
  const stale = (options.staleAfter ?? '').trim();
  if (stale !== '') {
    try {
      staleMs = rangeUtil.intervalToMs(stale);
    } catch {
      warning = t('sla.warning.stale-after', '“Stale after” is not a duration ({{value}}); stale detection is off.', {
        value: stale,
        ...RAW,
      });
    }
  }
  const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);
  return {
    config: {
      mode: options.slaMode ?? 'auto',
      scopes: options.slaScopes ?? {},
      lossWarn: num(options.lossWarn, DEFAULT_SLA_CONFIG.lossWarn),
      lossBreach: num(options.lossBreach, DEFAULT_SLA_CONFIG.lossBreach),
      baselineWarn: num(options.baselineWarn, DEFAULT_SLA_CONFIG.baselineWarn),
      baselineBreach: num(options.baselineBreach, DEFAULT_SLA_CONFIG.baselineBreach),
      staleMs,
    },
    warning,
  };
}

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
