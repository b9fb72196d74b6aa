import { formattedValueToString } from '@grafana/data';
import { t } from '@grafana/i18n';

import { RAW } from '../util/i18n';
import { NO_SCOPE, ViewMatrix } from '../view/aggregate';
import { formatLoss, formatShare } from '../model/lossFormat';
import { ScopeSla, Status, StatusCode } from '../model/sla';
import { aggregationLabel, statusLabel } from './status';

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
  /** "Unit unknown: read as ms — set Input unit", when the value was read in a guessed unit. */
  unit?: string;
}

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
  const share = view.share?.[i];
  return {
    source: re.label,
    destination: ce.label,
    value:
      isGroup && share !== undefined && Number.isFinite(share)
        ? t('describe.aggregated-value', '{{aggregation}}: {{value}}', {
            aggregation: aggregationLabel(view.aggregation),
            value: formatShare(share),
            ...RAW,
          })
        : isGroup && Number.isFinite(v)
          ? t('describe.aggregated-value', '{{aggregation}}: {{value}}', {
              aggregation: aggregationLabel(view.aggregation),
              value: shown,
              ...RAW,
            })
          : shown,
    loss: x !== undefined && Number.isFinite(x) ? formatLoss(x) : undefined,
    status,
    state: stateText(view, i, status, sla, fmt, isGroup),
    sla: sla && classified.mode === 'scopes' && k !== undefined ? slaText(classified.scopes[k], sla, fmt) : undefined,
    pairs: isGroup ? pairsText(view, i, fmt) : undefined,
    unit:
      view.unitGuessed?.[i] === 1
        ? t('describe.unit-unknown', 'Unit unknown: read as {{unit}} — set *Input unit*', {
            unit: view.field.config.unit ?? 'ms',
            ...RAW,
          })
        : undefined,
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
  const name = statusLabel(status);
  if (status !== Status.Breach && status !== Status.Warning) {
    if (status === Status.Invalid) {
      return t('describe.state.invalid', 'Invalid value (NaN, ±Inf or negative)');
    }
    if (status === Status.Self) {
      return t('describe.state.self', 'Self (not probed)');
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
  const overLatency = !baseline && v >= latAt;
  const overLoss = x !== undefined && x >= lossAt;
  // Whole sentences per reason (latency, loss, both, baseline ratio), so a translation can order them its own way.
  if (overLatency && overLoss) {
    return t('describe.state.latency-and-loss', '{{state}} (≥ {{latency}}, loss ≥ {{loss}})', {
      state: name,
      latency: fmt(latAt),
      loss: formatLoss(lossAt),
      ...RAW,
    });
  }
  if (overLatency) {
    return t('describe.state.latency', '{{state}} (≥ {{latency}})', { state: name, latency: fmt(latAt), ...RAW });
  }
  if (overLoss) {
    return t('describe.state.loss', '{{state}} (loss ≥ {{loss}})', { state: name, loss: formatLoss(lossAt), ...RAW });
  }
  if (baseline) {
    return t('describe.state.baseline', '{{state}} (≥ {{ratio}}× baseline)', {
      state: name,
      ratio: String(breach ? view.classified.baselineBreach : view.classified.baselineWarn),
      ...RAW,
    });
  }
  return name;
}

function slaText(scope: string, sla: ScopeSla, fmt: (v: number) => string): string {
  return t(
    'describe.scope-sla',
    '{{scope}} SLA: warning ≥ {{latencyWarn}}, over ≥ {{latencyBreach}}; loss {{lossWarn}} / {{lossBreach}}',
    {
      scope,
      latencyWarn: fmt(sla.latencyWarn),
      latencyBreach: fmt(sla.latencyBreach),
      lossWarn: formatLoss(sla.lossWarn),
      lossBreach: formatLoss(sla.lossBreach),
      ...RAW,
    }
  );
}

function pairsText(view: ViewMatrix, i: number, fmt: (v: number) => string): string | undefined {
  const counts = view.counts;
  if (!counts) {
    return undefined;
  }
  // One SLA for every pair (thresholds mode): say which; per scope, the tooltip of each pair says.
  const { mode, slas } = view.classified;
  const bad = String(counts.breached[i]);
  const total = String(counts.expected[i]);
  const parts = [
    mode === 'thresholds' && Number.isFinite(slas[0].latencyBreach)
      ? t('describe.pairs.over-sla-at', '{{bad}} of {{total}} pairs over SLA (≥ {{threshold}})', {
          bad,
          total,
          threshold: fmt(slas[0].latencyBreach),
          ...RAW,
        })
      : t('describe.pairs.over-sla', '{{bad}} of {{total}} pairs over SLA', { bad, total, ...RAW }),
  ];
  const more: Array<[Uint32Array, (n: string) => string]> = [
    [counts.failed, (n) => t('describe.pairs.failed', '{{n}} probe failed', { n, ...RAW })],
    [counts.warning, (n) => t('describe.pairs.warning', '{{n}} warning', { n, ...RAW })],
    [counts.noData, (n) => t('describe.pairs.no-data', '{{n}} with no data', { n, ...RAW })],
    [counts.stale, (n) => t('describe.pairs.stale', '{{n}} stale', { n, ...RAW })],
  ];
  for (const [arr, text] of more) {
    if (arr[i] > 0) {
      parts.push(text(String(arr[i])));
    }
  }
  return parts.join(' · ');
}
