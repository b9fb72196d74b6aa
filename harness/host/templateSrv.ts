import { get } from 'lodash';

import {
  DataContextScopedVar,
  FieldType,
  ScopedVar,
  ScopedVars,
  TimeRange,
  TypedVariableModel,
  formatLabels,
  formattedValueToString,
  getDisplayProcessor,
  getFieldDisplayName,
  getFieldDisplayValuesProxy,
  getFrameDisplayName,
  urlUtil,
} from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import { VariableFormatID } from '@grafana/schema';

/**
 * Host implementation of Grafana's template service for the harness: dashboard variables are plain
 * name -> value pairs from the config (or `var-<name>` in the location), scoped vars win over them, and
 * field paths work (`${__field.labels.src}`, `${__value.raw}`), which data links rely on.
 *
 * Grafana's data macros resolve from the `__dataContext` scoped var that `getLinksSupplier` passes (as
 * @grafana/scenes' macros do, when no scoped var of that name is given): `${__data.fields.X}`, `${__data.name}`,
 * `${__data.refId}`, `${__value.raw|numeric|text|time}`, `${__series.name}`, `${__field.name|displayName|labels.X}`.
 * Formats follow scenes' format registry for the ids handled here; notably `uriencode` (what data link URLs are
 * interpolated with) is encodeURI-like and leaves `& = ? # / + , ; : @ $` alone, while `percentencode` escapes them.
 */

// Grafana's own syntax: $var | [[var:format]] | ${var.fieldPath:format}
const VARIABLE_REGEX = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\${(\w+)(?:\.([^:^}]+))?(?::([^}]+))?}/g;

/** What scenes passes a format function: the value and a legacy-shaped variable. */
export type Formatter = (
  value: unknown,
  variable?: { name: string; type: string; multi?: boolean; includeAll?: boolean }
) => string;

/** Already a URL fragment (`${__url_time_range}`, `${__all_variables}`): scenes skips formatting for these. */
class Preformatted {
  constructor(readonly text: string) {}
}

const DATA_MACROS = new Set(['__data', '__value', '__series', '__field']);

function escapeRegex(value: string): string {
  return value.replace(/[\\^$*+?.()|[\]{}/]/g, '\\$&');
}

/** RFC 3986 sub-delims that encodeURI / encodeURIComponent leave alone; Grafana's "strict" encoders escape them. */
const escapeSubDelims = (text: string) =>
  text.replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** Grafana's `percentencode`: every reserved character escaped. */
export const encodeURIComponentStrict = (text: string): string => escapeSubDelims(encodeURIComponent(text));

/** Grafana's `uriencode` (VariableFormatID.UriEncode, used for data link URLs): URI syntax characters kept. */
export const encodeURIStrict = (text: string): string => escapeSubDelims(encodeURI(text));

function stringify(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Multi values as scenes' percent/URI encoders see them: `{a,b}`. */
const globText = (value: unknown) => (Array.isArray(value) ? `{${value.map(stringify).join(',')}}` : stringify(value));

function applyFormat(value: unknown, format: string | Formatter | undefined, name: string, type: string): string {
  if (value instanceof Preformatted) {
    return value.text;
  }
  if (typeof format === 'function') {
    return format(value, { name, type, multi: Array.isArray(value), includeAll: false });
  }
  const text = Array.isArray(value) ? value.map(stringify).join(',') : stringify(value);
  switch (format?.split(':')[0]) {
    case VariableFormatID.Regex:
      return escapeRegex(text);
    case VariableFormatID.JSON:
      return JSON.stringify(value);
    case VariableFormatID.PercentEncode:
      return encodeURIComponentStrict(globText(value));
    case VariableFormatID.UriEncode:
      return encodeURIStrict(globText(value));
    case VariableFormatID.QueryParam:
      return (Array.isArray(value) ? value : [value])
        .map((v) => `var-${name}=${encodeURIComponentStrict(stringify(v))}`)
        .join('&');
    default:
      return text;
  }
}

/** Macro results as scenes formats them: missing → '', objects (display values, labels) → their toString. */
function macroText(value: unknown): unknown {
  if (value === undefined || value === null) {
    return '';
  }
  return typeof value === 'object' && !Array.isArray(value) ? `${value}` : value;
}

let fallbackDisplay: ReturnType<typeof getDisplayProcessor> | undefined;

/** `${__value.*}`: the data context's row (or calculated value) in the field's display. */
function valueMacro(context: DataContextScopedVar['value'], fieldPath?: string): unknown {
  const { frame, rowIndex, field, calculatedValue } = context;
  if (calculatedValue) {
    switch (fieldPath) {
      case 'numeric':
      case 'raw':
        return calculatedValue.numeric;
      case 'time':
        return '';
      default:
        return formattedValueToString(calculatedValue);
    }
  }
  if (rowIndex === undefined || rowIndex === null) {
    return undefined;
  }
  if (fieldPath === 'time') {
    return frame.fields.find((f) => f.type === FieldType.time)?.values[rowIndex];
  }
  if (!field) {
    return undefined;
  }
  const raw = field.values[rowIndex];
  if (fieldPath === 'raw') {
    return raw;
  }
  const display = (field.display ?? (fallbackDisplay ??= getDisplayProcessor()))(raw);
  return fieldPath === 'numeric' ? display.numeric : formattedValueToString(display);
}

/** `${__field.*}`: name, displayName and labels (with `__values` and a `k="v", …` text) as Grafana's field proxy. */
function fieldTemplate(context: DataContextScopedVar['value']): Record<string, unknown> {
  const { field, frame, data } = context;
  const labels = field.labels;
  return {
    name: field.name,
    get displayName() {
      return getFieldDisplayName(field, frame, data);
    },
    labels: labels
      ? { ...labels, __values: Object.values(labels).sort().join(', '), toString: () => formatLabels(labels, '', true) }
      : '',
  };
}

/**
 * Grafana's data macros; undefined (the expression stays as written, for a later pass) without a data context.
 * `scopedVars.__dataContext.value` = `{ frame, rowIndex, field, data, frameIndex, calculatedValue }`.
 */
function dataMacro(name: string, fieldPath: string | undefined, scopedVars?: ScopedVars): unknown {
  const context = scopedVars?.__dataContext?.value;
  if (!context) {
    return undefined;
  }
  switch (name) {
    case '__value':
      return valueMacro(context, fieldPath);
    case '__data': {
      if (!fieldPath || context.rowIndex === undefined || context.rowIndex === null) {
        return undefined;
      }
      const { frame, rowIndex } = context;
      const row = { name: frame.name, refId: frame.refId, fields: getFieldDisplayValuesProxy({ frame, rowIndex }) };
      return macroText(get(row, fieldPath));
    }
    case '__series':
      return fieldPath === 'name' ? getFrameDisplayName(context.frame, context.frameIndex) : undefined;
    case '__field':
      return fieldPath ? macroText(get(fieldTemplate(context), fieldPath)) : undefined;
    default:
      return undefined;
  }
}

export class HarnessTemplateSrv implements TemplateSrv {
  private variables: Record<string, string> = {};
  private timeRange?: TimeRange;

  setVariables(variables: Record<string, string>): void {
    this.variables = { ...variables };
  }

  getVariableValues(): Record<string, string> {
    return { ...this.variables };
  }

  getVariables(): TypedVariableModel[] {
    // Only the fields panels read; a full Grafana variable model has many more.
    return Object.entries(this.variables).map(
      ([name, value]) =>
        ({
          type: 'custom',
          name,
          label: name,
          id: name,
          query: value,
          current: { text: value, value, selected: true },
          options: [{ text: value, value, selected: true }],
          multi: false,
          includeAll: false,
          hide: 0,
        }) as unknown as TypedVariableModel
    );
  }

  updateTimeRange(timeRange: TimeRange): void {
    this.timeRange = timeRange;
  }

  containsTemplate(target?: string): boolean {
    if (!target) {
      return false;
    }
    return Array.from(target.matchAll(VARIABLE_REGEX)).some((m) => this.lookup(m[1] ?? m[2] ?? m[4]) !== undefined);
  }

  replace(target?: string, scopedVars?: ScopedVars, format?: string | Function): string {
    if (!target) {
      return target ?? '';
    }
    return target.replace(
      VARIABLE_REGEX,
      (
        match,
        bare?: string,
        bracket?: string,
        bracketFmt?: string,
        braced?: string,
        fieldPath?: string,
        bracedFmt?: string
      ) => {
        const name = bare ?? bracket ?? braced ?? '';
        const value = this.lookup(name, fieldPath, scopedVars);
        if (value === undefined) {
          return match;
        }
        const type = scopedVars?.[name] ? 'scopedvar' : DATA_MACROS.has(name) ? name : 'custom';
        const fmt = (bracketFmt ?? bracedFmt ?? format) as string | Formatter | undefined;
        return applyFormat(value, fmt, name, type);
      }
    );
  }

  private lookup(name: string, fieldPath?: string, scopedVars?: ScopedVars): unknown {
    const scoped: ScopedVar | undefined = scopedVars?.[name];
    if (scoped) {
      return fieldPath ? get(scoped.value, fieldPath) : scoped.value;
    }
    if (Object.prototype.hasOwnProperty.call(this.variables, name)) {
      return this.variables[name];
    }
    if (DATA_MACROS.has(name)) {
      return dataMacro(name, fieldPath, scopedVars);
    }
    const from = this.timeRange?.from.valueOf();
    const to = this.timeRange?.to.valueOf();
    const builtins: Record<string, unknown> = {
      __from: from,
      __to: to,
      __url_time_range: this.timeRange ? new Preformatted(`from=${from}&to=${to}`) : undefined,
      __all_variables: new Preformatted(
        urlUtil.toUrlParams(Object.fromEntries(Object.entries(this.variables).map(([k, v]) => [`var-${k}`, v])))
      ),
      __timezone: 'utc',
      __dashboard: 'harness',
      __org: 1,
    };
    return Object.prototype.hasOwnProperty.call(builtins, name) ? builtins[name] : undefined;
  }
}
