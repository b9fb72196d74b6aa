import { groupBy } from 'lodash';

import {
  DataFrame,
  DataFrameJSON,
  DataQueryError,
  DataQueryResponse,
  Field,
  FieldSchema,
  FieldType,
  LoadingState,
  QueryResultMeta,
  dataFrameFromJSON,
  getDisplayProcessor,
  getFieldDisplayName,
  sortDataFrame,
} from '@grafana/data';

import { encodeValues } from './frameJson';
import { ExecutedPromQuery, PromTarget, goDuration } from './promRequest';

/**
 * Pure port of how Grafana 11–13 turns Prometheus API responses into panel frames (read from, not copied
 * out of, grafana/grafana):
 *  1. backend  `pkg/promlib/converter/prom.go` + `pkg/promlib/querydata/response.go` (dataplane on, the
 *     default): Prometheus JSON -> `results[refId] = {status, frames (wire JSON), error}`;
 *  2. frontend `toDataQueryResponse` (@grafana/runtime): wire JSON -> DataFrame via `dataFrameFromJSON`;
 *  3. frontend `packages/grafana-prometheus/src/result_transformer.ts` `transformV2`: `__auto` legends,
 *     Format=Table merge, `preferredVisualisationType`.
 * Exemplars, native histograms and Format=Heatmap are not supported.
 */

/** The Go SDK also writes the Go type of each field; the frontend keeps it on the decoded field. */
type WireFieldSchema = FieldSchema & { typeInfo: { frame: string; nullable?: boolean } };

/** What the panel gets: frames are always DataFrames here. */
export interface PromQueryResponse extends DataQueryResponse {
  data: DataFrame[];
}

/** `results[refId]` of Grafana's /api/ds/query response. */
export interface BackendDataResponse {
  status: number;
  frames: DataFrameJSON[];
  error?: string;
}

type PromSample = [number, string];

interface PromSeries {
  metric?: Record<string, string>;
  values?: PromSample[];
  value?: PromSample;
  histogram?: unknown;
  histograms?: unknown;
}

interface PromApiBody {
  status?: string;
  errorType?: string;
  error?: string;
  warnings?: string[];
  infos?: string[];
  data?: { resultType?: string; result?: unknown };
}

/** Go's strconv.ParseFloat for Prometheus sample strings: "NaN", "+Inf", "-Inf" and decimals. */
export function parsePromValue(text: string): number {
  const lower = text.toLowerCase();
  if (/^[+-]?inf(inity)?$/.test(lower)) {
    return lower.startsWith('-') ? -Infinity : Infinity;
  }
  if (lower === 'nan') {
    return NaN;
  }
  const value = text.trim() === '' ? NaN : Number(text);
  if (Number.isNaN(value)) {
    throw new Error(`strconv.ParseFloat: parsing "${text}": invalid syntax`);
  }
  return value;
}

/** Go truncates `seconds * 1000` to int64 milliseconds. */
const timeFromSeconds = (seconds: number) => Math.trunc(seconds * 1000);

/** Go's %q for label values in the default legend (`metric{a="b", c="d"}`). */
function goQuote(value: string): string {
  const escaped = value.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
    const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r' };
    return named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  return `"${escaped}"`;
}

function metricNameFromLabels(labels: Record<string, string>): string {
  const name = labels.__name__;
  const parts = Object.keys(labels)
    .filter((k) => k !== '__name__')
    .map((k) => `${k}=${goQuote(labels[k])}`)
    .sort();
  if (parts.length === 0) {
    return name ?? '{}';
  }
  return `${name ?? ''}{${parts.join(', ')}}`;
}

/** Backend `getName`: the legend that becomes `config.displayNameFromDS` ("" = none). */
export function legendName(
  q: Pick<ExecutedPromQuery, 'expr' | 'legendFormat'>,
  labels: Record<string, string>
): string {
  let legend = metricNameFromLabels(labels);
  if (q.legendFormat === '__auto') {
    if (Object.keys(labels).length > 0) {
      legend = '';
    }
  } else if (q.legendFormat) {
    legend = q.legendFormat.replace(/\{\{\s*(.+?)\s*\}\}/g, (_m, name: string) => labels[name] ?? '');
  }
  return legend === '{}' ? q.expr : legend;
}

function sortedLabels(metric: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(metric).sort()) {
    out[key] = metric[key];
  }
  return out;
}

function wireFrame(fields: WireFieldSchema[], columns: unknown[][], meta: QueryResultMeta): DataFrameJSON {
  const encoded = columns.map(encodeValues);
  const entities = encoded.map((e) => e.entities);
  return {
    schema: { meta, fields },
    data: { values: encoded.map((e) => e.values), ...(entities.some((e) => e) ? { entities } : {}) },
  };
}

/** One frame per series: [Time, <number field named after __name__ or "Value">] (converter + addMetadataToMultiFrame). */
function seriesFrame(series: PromSeries, resultType: string, q: ExecutedPromQuery): DataFrameJSON {
  if (series.histogram !== undefined || series.histograms !== undefined) {
    throw new Error('harness: native histogram results are not supported');
  }
  const samples = resultType === 'vector' ? (series.value ? [series.value] : []) : (series.values ?? []);
  const labels = sortedLabels(series.metric);
  const displayName = legendName(q, labels);
  const valueField: WireFieldSchema = {
    name: labels.__name__ ?? 'Value',
    type: FieldType.number,
    typeInfo: { frame: 'float64' },
    ...(Object.keys(labels).length ? { labels } : {}),
    ...(displayName ? { config: { displayNameFromDS: displayName } } : {}),
  };
  return wireFrame(
    [
      { name: 'Time', type: FieldType.time, typeInfo: { frame: 'time.Time' }, config: { interval: q.stepMs } },
      valueField,
    ],
    [samples.map((s) => timeFromSeconds(s[0])), samples.map((s) => parsePromValue(s[1]))],
    {
      type: resultType === 'vector' ? 'numeric-multi' : 'timeseries-multi',
      typeVersion: [0, 1],
      custom: { resultType },
    } as QueryResultMeta
  );
}

/** Scalar and string results: a single [Time, Value] frame without labels. */
function singleValueFrame(sample: PromSample, resultType: 'scalar' | 'string', q: ExecutedPromQuery): DataFrameJSON {
  const isScalar = resultType === 'scalar';
  const valueField: WireFieldSchema = {
    name: 'Value',
    type: isScalar ? FieldType.number : FieldType.string,
    typeInfo: { frame: isScalar ? 'float64' : 'string' },
    config: { displayNameFromDS: legendName(q, {}) },
  };
  return wireFrame(
    [
      { name: 'Time', type: FieldType.time, typeInfo: { frame: 'time.Time' }, config: { interval: q.stepMs } },
      valueField,
    ],
    [[timeFromSeconds(sample[0])], [isScalar ? parsePromValue(sample[1]) : sample[1]]],
    {
      type: isScalar ? 'numeric-multi' : 'timeseries-multi',
      typeVersion: [0, 1],
      custom: { resultType },
    } as QueryResultMeta
  );
}

function readResult(body: PromApiBody, q: ExecutedPromQuery): DataFrameJSON[] {
  const resultType = body.data?.resultType ?? '';
  const result = body.data?.result;
  switch (resultType) {
    case 'matrix':
    case 'vector':
      return ((result as PromSeries[] | undefined) ?? []).map((s) => seriesFrame(s, resultType, q));
    case 'scalar':
    case 'string':
      return [singleValueFrame(result as PromSample, resultType, q)];
    default:
      throw new Error(`unknown result type: ${resultType}`);
  }
}

function emptyFrame(name?: string): DataFrameJSON {
  return { schema: { ...(name ? { name } : {}), meta: {}, fields: [] }, data: { values: [] } };
}

/**
 * Backend half: one Prometheus HTTP response -> Grafana's `results[refId]`. Like Grafana, a response
 * without frames (empty result or error) still carries one empty frame holding `executedQueryString`.
 */
export function toBackendResponse(bodyText: string, httpStatus: number, q: ExecutedPromQuery): BackendDataResponse {
  let frames: DataFrameJSON[] = [];
  let error: string | undefined;
  try {
    const body = JSON.parse(bodyText) as PromApiBody;
    if (body.status === 'error') {
      error = `${body.errorType ?? ''}: ${body.error ?? ''}`;
    } else {
      frames = readResult(body, q);
      const notices = [
        ...(body.warnings ?? []).map((text) => ({ severity: 'warning' as const, text })),
        ...(body.infos ?? []).map((text) => ({ severity: 'info' as const, text })),
      ];
      if (notices.length) {
        frames = frames.length ? frames : [emptyFrame('Warnings')];
        frames.forEach((f) => (f.schema!.meta = { ...f.schema!.meta, notices }));
      }
    }
  } catch (e) {
    frames = [];
    error =
      e instanceof SyntaxError
        ? `HTTP ${httpStatus} from Prometheus: ${bodyText.slice(0, 200)}`
        : String(e instanceof Error ? e.message : e);
  }
  if (frames.length === 0) {
    frames = [emptyFrame()];
  }
  const first = frames[0].schema!;
  first.meta = { ...first.meta, executedQueryString: `Expr: ${q.expr}\nStep: ${goDuration(q.stepMs)}` };
  return { status: httpStatus, frames, ...(error !== undefined ? { error } : {}) };
}

/** Frontend `toDataQueryResponse`: wire frames in query order, refId filled in, errors collected. */
function decodeResults(results: Record<string, BackendDataResponse>, executed: ExecutedPromQuery[]) {
  const data: DataFrame[] = [];
  const errors: DataQueryError[] = [];
  for (const { refId } of executed) {
    const dr = results[refId];
    if (!dr) {
      continue;
    }
    if (dr.error) {
      errors.push({ refId, message: dr.error, status: dr.status });
    }
    for (const js of dr.frames) {
      const df = dataFrameFromJSON(js);
      df.refId ??= refId;
      data.push(df);
    }
  }
  return { data, errors };
}

/** Frontend `transformDFToTable`: all frames of a refId become one [Time, <label columns>, Value] frame. */
export function framesToTable(dfs: DataFrame[]): DataFrame[] {
  if (dfs.length === 0 || (dfs.length === 1 && dfs[0].length === 0)) {
    return dfs;
  }
  const byRefId = groupBy(dfs, 'refId');
  const refIds = Object.keys(byRefId);
  return refIds.map((refId) => {
    const frames = byRefId[refId];
    const valueField: Field = {
      name: refIds.length > 1 ? `Value #${refId}` : 'Value',
      type: FieldType.number,
      display: getDisplayProcessor(),
      config: {},
      values: [],
    };
    const timeField: Field = { name: 'Time', type: FieldType.time, config: {}, values: [] };
    // Union of label names in first-seen order, each frame's own names sorted (as Grafana does).
    const labelFields: Field[] = [];
    for (const df of frames) {
      for (const label of Object.keys(df.fields[1]?.labels ?? {}).sort()) {
        if (!labelFields.some((l) => l.name === label)) {
          labelFields.push({ name: label, type: FieldType.string, config: { filterable: true }, values: [] });
        }
      }
    }
    let prevTime = -Infinity;
    let needsSort = false;
    for (const df of frames) {
      timeField.config.interval ??= df.fields[0]?.config.interval;
      for (const t of df.fields[0]?.values ?? []) {
        timeField.values.push(t);
        needsSort ||= t < prevTime;
        prevTime = t;
      }
      const labels = df.fields[1]?.labels ?? {};
      for (const v of df.fields[1]?.values ?? []) {
        valueField.values.push(v);
        labelFields.forEach((f) =>
          f.values.push(Object.prototype.hasOwnProperty.call(labels, f.name) ? labels[f.name] : '')
        );
      }
    }
    const frame: DataFrame = {
      refId,
      fields: [timeField, ...labelFields, valueField],
      meta: { ...frames[0].meta, preferredVisualisationType: 'rawPrometheus' },
      length: timeField.values.length,
    };
    return needsSort ? sortDataFrame(frame, 0) : frame;
  });
}

/** Frontend `transformV2` (the parts that apply to dashboard panels). */
export function transformPromFrames(frames: DataFrame[], targets: PromTarget[]): DataFrame[] {
  const targetOf = (df: DataFrame) => targets.find((t) => t.refId === df.refId);
  for (const df of frames) {
    if (targetOf(df)?.legendFormat !== '__auto') {
      continue;
    }
    // Dataplane named the field after __name__; Grafana restores the pre-dataplane display name.
    for (const field of df.fields) {
      if (field.labels?.__name__ && field.labels.__name__ === field.name) {
        field.config.displayNameFromDS = getFieldDisplayName({ ...field, name: 'Value' }, df, frames);
      }
    }
  }
  const isTable = (df: DataFrame) => targetOf(df)?.format === 'table';
  const graphFrames = frames
    .filter((df) => !isTable(df))
    .map((df) => ({ ...df, meta: { ...df.meta, preferredVisualisationType: 'graph' as const } }));
  return [...graphFrames, ...framesToTable(frames.filter(isTable))];
}

/** Steps 2 and 3: what the panel receives as `data.series` (before field config is applied). */
export function toQueryResponse(
  results: Record<string, BackendDataResponse>,
  executed: ExecutedPromQuery[],
  targets: PromTarget[]
): PromQueryResponse {
  const { data, errors } = decodeResults(results, executed);
  return {
    data: transformPromFrames(data, targets),
    state: errors.length ? LoadingState.Error : LoadingState.Done,
    ...(errors.length ? { error: errors[0], errors } : {}),
  };
}
