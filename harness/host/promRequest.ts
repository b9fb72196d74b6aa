import { rangeUtil } from '@grafana/data';

/**
 * Pure request-side half of Grafana's Prometheus data source: how a panel target becomes the HTTP
 * queries Grafana's backend sends to Prometheus (frontend `processTargetV2` + backend `models.Parse`).
 */

export interface PromTarget {
  refId: string;
  expr: string;
  format?: 'time_series' | 'table';
  instant?: boolean;
  range?: boolean;
  legendFormat?: string;
  /** Fixed step in seconds (Prometheus' unit). Default: Grafana's calculation, see computeStepMs. */
  step?: number;
  /** Grafana's "Min step" (e.g. '1m'): lower bound of the calculated step. Default 15s (scrape interval). */
  interval?: string;
  hide?: boolean;
}

export type PromQueryKind = 'range' | 'instant';

/** One HTTP query against Prometheus, after Grafana split and interpolated the target. */
export interface ExecutedPromQuery {
  /** `A`, or `A-Instant` for the instant half of a target with both range and instant set. */
  refId: string;
  expr: string;
  legendFormat?: string;
  kind: PromQueryKind;
  stepMs: number;
  /** Range: start/end rounded down to the step (Grafana aligns them). Instant: endMs is the evaluation time. */
  startMs: number;
  endMs: number;
}

export const INSTANT_REFID_SUFFIX = '-Instant';
export const DEFAULT_MIN_INTERVAL_MS = 15_000;
/** Grafana passes the panel width here; the harness uses a fixed value so steps do not depend on layout. */
export const DEFAULT_MAX_DATA_POINTS = 1000;

interface SplitTarget extends PromTarget {
  kind: PromQueryKind;
}

/** Grafana sends "Both" as two queries; the instant one gets refId `<refId>-Instant` (frontend processTargetV2). */
export function splitTargets(targets: PromTarget[]): SplitTarget[] {
  return targets
    .filter((t) => !t.hide && t.expr)
    .flatMap((t): SplitTarget[] => {
      if (t.instant && t.range) {
        return [
          { ...t, kind: 'range', instant: false },
          { ...t, kind: 'instant', refId: t.refId + INSTANT_REFID_SUFFIX, range: false },
        ];
      }
      // The backend runs a range query when neither flag is set.
      return [{ ...t, kind: t.instant ? 'instant' : 'range' }];
    });
}

/** Grafana's interval calculator: range / maxDataPoints, rounded to a "nice" value unless below the min step. */
export function computeStepMs(target: PromTarget, rangeMs: number, maxDataPoints = DEFAULT_MAX_DATA_POINTS): number {
  if (target.step && target.step > 0) {
    return target.step * 1000;
  }
  const minMs = target.interval ? rangeUtil.intervalToMs(target.interval) : DEFAULT_MIN_INTERVAL_MS;
  const raw = rangeMs / maxDataPoints;
  return raw < minMs ? minMs : rangeUtil.roundInterval(raw);
}

export function alignToStep(ms: number, stepMs: number): number {
  return Math.floor(ms / stepMs) * stepMs;
}

/** Go's time.Duration.String() for whole milliseconds: 15s, 1m30s, 1h0m0s, 500ms. */
export function goDuration(ms: number): string {
  if (ms === 0) {
    return '0s';
  }
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  if (rest < 1000) {
    return `${sign}${rest}ms`;
  }
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const head = hours ? `${hours}h${minutes}m` : minutes ? `${minutes}m` : '';
  return `${sign}${head}${rest / 1000}s`;
}

/** Grafana's built-in variables, interpolated by its backend after the dashboard variables. */
export function interpolateBuiltins(expr: string, stepMs: number, rangeMs: number): string {
  const rangeS = Math.round(rangeMs / 1000);
  const rateIntervalMs = Math.max(stepMs + DEFAULT_MIN_INTERVAL_MS, 4 * DEFAULT_MIN_INTERVAL_MS);
  const values: Record<string, string> = {
    __interval_ms: String(stepMs),
    __interval: rangeUtil.secondsToHms(stepMs / 1000),
    __rate_interval_ms: String(rateIntervalMs),
    __rate_interval: goDuration(rateIntervalMs),
    __range_ms: String(rangeMs),
    __range_s: String(rangeS),
    __range: `${rangeS}s`,
  };
  return expr.replace(/\$(?:\{(__\w+)\}|(__\w+))/g, (match, braced?: string, bare?: string) => {
    const value = values[braced ?? bare ?? ''];
    return value ?? match;
  });
}

export interface BuildQueriesOptions {
  fromMs: number;
  toMs: number;
  maxDataPoints?: number;
  /** Dashboard-variable interpolation (the template service); applied before the built-ins, as in Grafana. */
  replace?: (text: string) => string;
}

export function buildExecutedQueries(targets: PromTarget[], opts: BuildQueriesOptions): ExecutedPromQuery[] {
  const rangeMs = opts.toMs - opts.fromMs;
  const replace = opts.replace ?? ((s: string) => s);
  return splitTargets(targets).map((t) => {
    const stepMs = computeStepMs(t, rangeMs, opts.maxDataPoints);
    const isRange = t.kind === 'range';
    return {
      refId: t.refId,
      expr: interpolateBuiltins(replace(t.expr), stepMs, rangeMs),
      legendFormat: t.legendFormat === undefined ? undefined : replace(t.legendFormat),
      kind: t.kind,
      stepMs,
      startMs: isRange ? alignToStep(opts.fromMs, stepMs) : opts.fromMs,
      endMs: isRange ? alignToStep(opts.toMs, stepMs) : opts.toMs,
    };
  });
}

/** Path + query string relative to the Prometheus base URL (Prometheus takes seconds). */
export function promApiPath(q: ExecutedPromQuery): string {
  const params = new URLSearchParams({ query: q.expr });
  if (q.kind === 'range') {
    params.set('start', String(q.startMs / 1000));
    params.set('end', String(q.endMs / 1000));
    params.set('step', String(q.stepMs / 1000));
    return `/api/v1/query_range?${params}`;
  }
  params.set('time', String(q.endMs / 1000));
  return `/api/v1/query?${params}`;
}
