import { Field, formattedValueToString, rangeUtil } from '@grafana/data';

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

/** The panel's SLA options as the classifier takes them; a bad stale age is reported, never thrown. */
export function slaConfigOf(options: SlaOptions): { config: SlaConfig; warning?: string } {
  let staleMs = 0;
  let warning: string | undefined;
  const stale = (options.staleAfter ?? '').trim();
  if (stale !== '') {
    try {
      staleMs = rangeUtil.intervalToMs(stale);
    } catch {
      warning = `“Stale after” is not a duration (${stale}); stale detection is off.`;
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
  const lossText = (warn: number, breach: number) => `loss ≥ ${formatLoss(warn)} warning, ≥ ${formatLoss(breach)} over`;
  if (classified.mode === 'baseline') {
    const s = classified.slas[0];
    return [
      `latency ≥ ${classified.baselineWarn}× the pair’s baseline warning, ≥ ${classified.baselineBreach}× over SLA`,
      lossText(s.lossWarn, s.lossBreach),
    ];
  }
  return classified.scopes.map((scope, i) => {
    const s = classified.slas[i];
    const name = classified.mode === 'scopes' ? `${scope}: ` : '';
    return `${name}latency ≥ ${fmt(s.latencyWarn)} warning, ≥ ${fmt(s.latencyBreach)} over SLA · ${lossText(
      s.lossWarn,
      s.lossBreach
    )}`;
  });
}
