import { DataFrame, DataQueryError, DataQueryRequest, DataQueryResponse, TimeRange, toDataFrame } from '@grafana/data';
import { t } from '@grafana/i18n';
import { getDataSourceSrv } from '@grafana/runtime';
import type { DataQuery } from '@grafana/schema';
import { isObservable, lastValueFrom } from 'rxjs';

import { RAW } from '../util/i18n';
import { PairData, PairRef, PairSideValues } from './pair';

type PairMatch = PairData['match'];

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * The body of a PromQL double-quoted string literal (without the quotes), Go escapes as PromQL's lexer reads them.
 * `$` is written `\x24` too: Grafana interpolates `$var` / `${var}` in the expression before it reaches Prometheus,
 * and a label value must come through as it is.
 */
export function escapePromString(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    switch (ch) {
      case '\\':
        out += '\\\\';
        break;
      case '"':
        out += '\\"';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      case '$':
        out += '\\x24';
        break;
      default:
        // Other control characters (and the line/paragraph separators) as \u escapes; everything else verbatim.
        out +=
          code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029
            ? `\\u${code.toString(16).padStart(4, '0')}`
            : ch;
    }
  }
  return out;
}

/** A label_replace replacement is a regexp template: `$` must be `$$` to stay literal. */
const replacement = (value: string) => `"${escapePromString(value.replace(/\$/g, '$$$$'))}"`;

/** A one-sample vector carrying exactly the two labels, for `and on(...)`. */
function selector(srcLabel: string, dstLabel: string, side: PairSideValues): string {
  const inner = `label_replace(vector(1), "${srcLabel}", ${replacement(side.source)}, "", "")`;
  return `label_replace(${inner}, "${dstLabel}", ${replacement(side.destination)}, "", "")`;
}

/**
 * Any PromQL expression narrowed to one pair, both directions:
 * `(<expr>) and on(src, dst) (label_replace(…forward…) or label_replace(…reverse…))`.
 * Raw label values come from the series found (with their ports); a direction without series is the other one
 * swapped, and with neither the host names are used. Undefined when a label name is not a valid Prometheus name.
 */
export function pairExpr(expr: string, match: PairMatch, pair: PairRef): string | undefined {
  const { sourceLabel, destinationLabel } = match;
  if (!LABEL_NAME.test(sourceLabel) || !LABEL_NAME.test(destinationLabel) || sourceLabel === destinationLabel) {
    return undefined;
  }
  const swap = (v: PairSideValues): PairSideValues => ({ source: v.destination, destination: v.source });
  const forward = match.forward ?? (match.reverse ? swap(match.reverse) : pair);
  const reverse = match.reverse ?? swap(forward);
  const sides = [forward];
  if (
    pair.source !== pair.destination &&
    !(reverse.source === forward.source && reverse.destination === forward.destination)
  ) {
    sides.push(reverse);
  }
  const filter = sides.map((side) => selector(sourceLabel, destinationLabel, side)).join(' or ');
  return `(${expr}) and on(${sourceLabel}, ${destinationLabel}) (${filter})`;
}

export type PromLikeQuery = DataQuery & { expr?: string };
export type PairRangeQuery = DataQuery & {
  expr: string;
  range: true;
  instant: false;
  format: 'time_series';
  exemplar: false;
};

/**
 * The panel's query for just this pair, as a range query in time series format (refId kept, legend format dropped so
 * series keep their labels). Undefined when the query has no `expr` (not Prometheus-like) or the labels are invalid.
 */
export function pairTarget(target: PromLikeQuery, match: PairMatch, pair: PairRef): PairRangeQuery | undefined {
  if (typeof target.expr !== 'string' || target.expr.trim() === '') {
    return undefined;
  }
  const expr = pairExpr(target.expr, match, pair);
  if (expr === undefined) {
    return undefined;
  }
  const { legendFormat: _legendFormat, ...rest } = target as PromLikeQuery & { legendFormat?: unknown };
  return { ...rest, expr, range: true, instant: false, format: 'time_series', exemplar: false };
}

export interface FetchPairRangeArgs {
  /** The panel's last request (PanelData.request). */
  request: DataQueryRequest | undefined;
  /** refId of the latency query (model.source.refId). */
  refId: string;
  match: PairMatch;
  pair: PairRef;
  timeRange: TimeRange;
  maxDataPoints?: number;
}

/**
 * Re-issues the panel's latency query as a range query for one pair through the panel's data source, for matrices
 * built from instant or table data. Rejects with a readable Error when it cannot be done or the query fails.
 */
export async function fetchPairRange({
  request,
  refId,
  match,
  pair,
  timeRange,
  maxDataPoints,
}: FetchPairRangeArgs): Promise<DataFrame[]> {
  if (!request) {
    throw new Error(t('drill.error.no-request', 'The panel has no query request to repeat for this pair yet.'));
  }
  const targets = request.targets as PromLikeQuery[];
  const target = targets.find((t) => t.refId === refId);
  if (!target) {
    throw new Error(
      t('drill.error.unknown-query', "Query {{refId}} is not among the panel's queries.", { refId, ...RAW })
    );
  }
  if (typeof target.expr !== 'string' || target.expr.trim() === '') {
    throw new Error(
      t('drill.error.no-expr', 'Query {{refId}} has no PromQL expression: the pair view needs a Prometheus query.', {
        refId,
        ...RAW,
      })
    );
  }
  const query = pairTarget(target, match, pair);
  if (!query) {
    throw new Error(
      t(
        'drill.error.bad-labels',
        'Cannot filter query {{refId}} to this pair: label names "{{source}}" and "{{destination}}" must be two different valid Prometheus label names.',
        { refId, source: match.sourceLabel, destination: match.destinationLabel, ...RAW }
      )
    );
  }
  // No ref: the default data source; a `${ds}` variable ref resolves with the panel's scoped vars.
  const ds = await getDataSourceSrv().get(target.datasource ?? targets[0]?.datasource, request.scopedVars);
  const pairRequest: DataQueryRequest = {
    requestId: 'pingmesh-pair',
    startTime: Date.now(),
    app: request.app,
    range: timeRange,
    rangeRaw: timeRange.raw,
    timezone: request.timezone,
    scopedVars: request.scopedVars,
    interval: request.interval,
    intervalMs: request.intervalMs,
    maxDataPoints: maxDataPoints ?? request.maxDataPoints,
    targets: [query],
  };
  const result = ds.query(pairRequest);
  const response: DataQueryResponse = isObservable(result)
    ? await lastValueFrom(result, { defaultValue: { data: [] } })
    : await result;
  // `error` is the field older data sources still set; `errors` the current one (often both, the same error).
  const { error, errors: many } = response as { error?: DataQueryError; errors?: DataQueryError[] };
  const errors = [...(error ? [error] : []), ...(many ?? [])];
  if (errors.length > 0) {
    throw new Error(
      t('drill.error.query-failed', "The pair's range query failed: {{errors}}", {
        errors: [...new Set(errors.map(errorText))].join('; '),
        ...RAW,
      })
    );
  }
  return (response.data ?? []).map(asFrame);
}

function errorText(e: DataQueryError): string {
  return (
    e.message ||
    e.data?.message ||
    e.statusText ||
    (e.status !== undefined ? `HTTP ${e.status}` : t('drill.error.unknown', 'unknown error'))
  );
}

function asFrame(d: unknown): DataFrame {
  const frame = d as Partial<DataFrame> | undefined;
  if (
    frame &&
    Array.isArray(frame.fields) &&
    typeof frame.length === 'number' &&
    frame.fields.every((f) => Array.isArray(f.values))
  ) {
    return frame as DataFrame;
  }
  return toDataFrame(d);
}
