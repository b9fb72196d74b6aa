import { Field, formattedValueToString, rangeUtil } from '@grafana/data';
import { t } from '@grafana/i18n';

import { RAW } from '../util/i18n';
import { formatLoss } from './lossFormat';
import { PingmeshOptions } from '../options/types';
import { invalidOption, numberOf, shownValue } from '../text/options';
import { Classified, DEFAULT_SCOPE_SLAS, DEFAULT_SLA_CONFIG, ScopeSla, SlaConfig, SlaMode } from './sla';

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
  /** Footer lines naming each invalid SLA option value and what is used instead. */
  notices: string[];
}

const DURATION = /^\d+(ms|s|m|h|d|w|M|y)?$/;
const MODES: SlaMode[] = ['auto', 'thresholds', 'scopes', 'baseline'];
const SLA_FIELDS: Array<keyof ScopeSla> = ['latencyWarn', 'latencyBreach', 'lossWarn', 'lossBreach'];

/** A threshold's name in the SLA table's labels and in notices ("Latency SLA"). */
export function slaFieldName(field: keyof ScopeSla): string {
  switch (field) {
    case 'latencyWarn':
      return t('sla-editor.column.latency-warn.label', 'Latency warning');
    case 'latencyBreach':
      return t('sla-editor.column.latency-breach.label', 'Latency SLA');
    case 'lossWarn':
      return t('sla-editor.column.loss-warn.label', 'Loss warning');
    case 'lossBreach':
      return t('sla-editor.column.loss-breach.label', 'Loss SLA');
  }
}

/**
 * What is wrong with one scope's SLA, or undefined when it is usable: four numbers, none negative, loss at most 1
 * (100 %), warning not above the SLA.
 */
export function scopeSlaProblem(sla: unknown): string | undefined {
  if (!sla || typeof sla !== 'object' || Array.isArray(sla)) {
    return t('sla.problem.not-a-table', 'not a set of thresholds');
  }
  const row = sla as Record<string, unknown>;
  for (const field of SLA_FIELDS) {
    const v = row[field];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return t('sla.problem.not-a-number', '{{field}} `{{value}}` is not a number', {
        field: slaFieldName(field),
        value: shownValue(v),
        ...RAW,
      });
    }
    if (v < 0) {
      return t('sla.problem.negative', '{{field}} {{value}} is negative', {
        field: slaFieldName(field),
        value: String(v),
        ...RAW,
      });
    }
    if ((field === 'lossWarn' || field === 'lossBreach') && v > 1) {
      return t('sla.problem.loss-above-1', '{{field}} {{value}} is above 1 (100 %)', {
        field: slaFieldName(field),
        value: String(v),
        ...RAW,
      });
    }
  }
  const n = row as unknown as ScopeSla;
  if (n.latencyWarn > n.latencyBreach) {
    return t('sla.problem.latency-warn-above', 'the latency warning ({{warn}}) is above the SLA ({{breach}})', {
      warn: String(n.latencyWarn),
      breach: String(n.latencyBreach),
      ...RAW,
    });
  }
  if (n.lossWarn > n.lossBreach) {
    return t('sla.problem.loss-warn-above', 'the loss warning ({{warn}}) is above the SLA ({{breach}})', {
      warn: String(n.lossWarn),
      breach: String(n.lossBreach),
      ...RAW,
    });
  }
  return undefined;
}

const sameSla = (a: ScopeSla, b: ScopeSla | undefined) => b !== undefined && SLA_FIELDS.every((f) => a[f] === b[f]);

/**
 * The panel's SLA options as the classifier takes them. Every invalid value (from the editor or dashboard JSON) is
 * named in a notice and replaced: a scope by its defaults, a number or duration by its default. Scopes still at the
 * built-in defaults are left out, so an exporter preset's own defaults can apply (see classify). Never throws.
 */
export function slaConfigOf(raw: Partial<SlaOptions> | undefined): SlaConfigResult {
  const options: Partial<SlaOptions> = raw && typeof raw === 'object' ? raw : {};
  const notices: string[] = [];
  const defaults = DEFAULT_SLA_CONFIG;

  let mode = options.slaMode === undefined ? 'auto' : options.slaMode;
  if (!MODES.includes(mode)) {
    notices.push(
      invalidOption(t('options.sla-mode.name', 'Judge cells by'), options.slaMode, MODES.join(', '), 'auto')
    );
    mode = 'auto';
  }

  const scopes: Record<string, ScopeSla> = {};
  const given = options.slaScopes;
  if (given !== undefined && given !== null && (typeof given !== 'object' || Array.isArray(given))) {
    notices.push(
      invalidOption(
        t('options.sla-scopes.name', 'SLA per scope'),
        given,
        t('options.expected.sla-table', 'a table of scopes'),
        t('options.fallback.defaults', 'the defaults')
      )
    );
  } else if (given) {
    for (const [scope, sla] of Object.entries(given)) {
      const problem = scopeSlaProblem(sla);
      if (problem !== undefined) {
        notices.push(
          t('sla.notice.invalid-scope', 'SLA for {{scope}}: {{problem}} — using the defaults for {{scope}}.', {
            scope,
            problem,
            ...RAW,
          })
        );
      } else if (!sameSla(sla, DEFAULT_SCOPE_SLAS[scope])) {
        scopes[scope] = sla;
      }
    }
  }

  const pair = (
    warnKey: 'lossWarn' | 'baselineWarn',
    breachKey: 'lossBreach' | 'baselineBreach',
    ok: (v: number) => boolean,
    expected: string
  ) => {
    const value = (key: typeof warnKey | typeof breachKey) => {
      const v = options[key];
      if (v === undefined) {
        return defaults[key];
      }
      const n = numberOf(v);
      if (n === undefined || !ok(n)) {
        notices.push(invalidOption(numberOptionName(key), v, expected, String(defaults[key])));
        return defaults[key];
      }
      return n;
    };
    let warn = value(warnKey);
    let breach = value(breachKey);
    if (warn > breach) {
      notices.push(
        t(
          'sla.notice.warn-above-breach',
          '{{warnName}} {{warn}} is above {{breachName}} {{breach}}: using {{fallbackWarn}} and {{fallbackBreach}}.',
          {
            warnName: numberOptionName(warnKey),
            warn: String(warn),
            breachName: numberOptionName(breachKey),
            breach: String(breach),
            fallbackWarn: String(defaults[warnKey]),
            fallbackBreach: String(defaults[breachKey]),
            ...RAW,
          }
        )
      );
      warn = defaults[warnKey];
      breach = defaults[breachKey];
    }
    return [warn, breach];
  };
  const [lossWarn, lossBreach] = pair(
    'lossWarn',
    'lossBreach',
    (v) => v >= 0 && v <= 1,
    t('options.expected.ratio', 'a ratio from 0 to 1')
  );
  const [baselineWarn, baselineBreach] = pair(
    'baselineWarn',
    'baselineBreach',
    (v) => v > 0,
    t('options.expected.positive', 'a number above 0')
  );

  let staleMs = 0;
  const stale = options.staleAfter;
  if (stale !== undefined && stale !== null && (typeof stale !== 'string' || stale.trim() !== '')) {
    let ms: number | undefined;
    try {
      // Grafana durations are a whole number and a unit (intervalToMs alone reads "1.5m" as 1m and "1." as 1s).
      ms = typeof stale === 'string' && DURATION.test(stale.trim()) ? rangeUtil.intervalToMs(stale.trim()) : undefined;
    } catch {
      ms = undefined;
    }
    if (ms === undefined || !(ms > 0)) {
      notices.push(
        t(
          'sla.warning.stale-after',
          '“Stale after” is not a positive duration such as 2m ({{value}}); stale detection is off.',
          {
            value: shownValue(stale),
            ...RAW,
          }
        )
      );
    } else {
      staleMs = ms;
    }
  }
  return {
    config: { mode, scopes, lossWarn, lossBreach, baselineWarn, baselineBreach, staleMs },
    notices,
  };
}

function numberOptionName(key: 'lossWarn' | 'lossBreach' | 'baselineWarn' | 'baselineBreach'): string {
  switch (key) {
    case 'lossWarn':
      return t('options.loss-warn.name', 'Loss warning (ratio)');
    case 'lossBreach':
      return t('options.loss-breach.name', 'Loss SLA (ratio)');
    case 'baselineWarn':
      return t('options.baseline-warn.name', 'Baseline warning ratio');
    case 'baselineBreach':
      return t('options.baseline-breach.name', 'Baseline SLA ratio');
  }
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
