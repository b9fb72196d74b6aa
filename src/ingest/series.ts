import { DataFrame, Field, FieldType, ReducerID, reduceField } from '@grafana/data';

import { isSample, strictNumber } from '../model/numbers';

/**
 * Reads pair samples out of any frame shape Grafana's Prometheus data source produces:
 * - one frame per series: labels in the number field's `labels`, rows are samples over time;
 * - table format: one frame, labels as string columns, one row per (series, timestamp).
 * Both are "a number field plus label values per row": field labels are constant, columns vary per row.
 */

export interface LabelReader {
  /** The first candidate label with a non-empty value at a row, or undefined. */
  read(row: number): string | undefined;
}

export interface NumberFieldView {
  frame: DataFrame;
  field: Field;
  /** String columns of a table-format frame (label columns). Empty for one-frame-per-series. */
  labelColumns: Field[];
}

/**
 * Reads the first candidate label with a non-empty value. With a `prefix`, a value must start with it to count
 * (kubenurse's `type="path_<node>"`; `type="me_ingress"` is no pair): the raw value is returned, prefix included.
 */
export function labelReader(view: NumberFieldView, candidates: string[], prefix?: string): LabelReader | undefined {
  const readers: Array<(row: number) => string | undefined> = [];
  for (const name of candidates) {
    const raw: unknown = view.field.labels?.[name];
    if (raw !== undefined) {
      // Labels are strings in Grafana's types, but transformations and other data sources can put anything there.
      const fixed = raw === null ? undefined : String(raw);
      readers.push(() => fixed);
      continue;
    }
    const column = view.labelColumns.find((f) => f.name === name);
    if (column) {
      const values = column.values;
      readers.push((row) => {
        const v = values[row];
        // Label columns hold strings; anything else is made one, and empty means absent.
        return typeof v === 'string' ? v || undefined : v == null ? undefined : String(v);
      });
    }
  }
  if (readers.length === 0) {
    return undefined;
  }
  if (prefix) {
    const inner = readers.splice(0);
    readers.push((row) => {
      for (const r of inner) {
        const v = nonEmpty(r(row));
        if (v !== undefined) {
          return v.startsWith(prefix) && v.length > prefix.length ? v : undefined;
        }
      }
      return undefined;
    });
  }
  if (readers.length === 1) {
    const only = readers[0];
    return { read: (row) => nonEmpty(only(row)) };
  }
  return {
    read: (row) => {
      for (const r of readers) {
        const v = nonEmpty(r(row));
        if (v !== undefined) {
          return v;
        }
      }
      return undefined;
    },
  };
}

const nonEmpty = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

/** The refId of a frame, falling back to the `Value #B` naming of multi-query table frames. */
export function refIdOf(frame: DataFrame): string {
  if (frame.refId) {
    return frame.refId;
  }
  for (const f of frame.fields) {
    const m = /^Value #(.+)$/.exec(f.name);
    if (m) {
      return m[1];
    }
  }
  return 'A';
}

export function numberFieldViews(frame: DataFrame): NumberFieldView[] {
  const labelColumns = frame.fields.filter((f) => f.type === FieldType.string);
  return frame.fields.filter((f) => f.type === FieldType.number).map((field) => ({ frame, field, labelColumns }));
}

/** Label names present on a view (field labels and label columns). */
export function labelNames(view: NumberFieldView): string[] {
  return [...Object.keys(view.field.labels ?? {}), ...view.labelColumns.map((f) => f.name)];
}

/** Metric names visible on a view: `__name__` label or column, or the field name Grafana derived from it. */
export function metricNames(view: NumberFieldView): string[] {
  const names: string[] = [];
  const fromLabel = view.field.labels?.__name__;
  if (fromLabel) {
    names.push(fromLabel);
  }
  const col = view.labelColumns.find((f) => f.name === '__name__');
  if (col && col.values.length > 0) {
    names.push(String(col.values[0]));
  }
  if (!/^Value( #.+)?$/.test(view.field.name)) {
    names.push(view.field.name);
  }
  return names;
}

/** Reducers for which one sample reduces to itself: lets instant table rows skip reduceField. */
const IDENTITY_ON_ONE = new Set<string>([
  ReducerID.last,
  ReducerID.lastNotNull,
  ReducerID.first,
  ReducerID.firstNotNull,
  ReducerID.mean,
  ReducerID.max,
  ReducerID.min,
  ReducerID.sum,
  ReducerID.median,
]);

/**
 * One value per one-sample series (instant table rows). Decided once per frame, not per row: for most reducers
 * a single sample reduces to itself.
 */
export function oneSampleReducer(reducer: ReducerID): (value: unknown) => number | null {
  return IDENTITY_ON_ONE.has(reducer) ? toNumber : (value) => reduceValues([value], reducer);
}

export function reduceValues(values: unknown[], reducer: ReducerID): number | null {
  // A fresh field: reduceField caches into field.state, and incoming frames are not ours to mutate. Only numbers go
  // in: Grafana's reducers would add `true` as 1 and take "0x1F" as the last value.
  const numbers = values.every(isNumberOrNull) ? values : values.map(toNumber);
  const field: Field = { name: 'v', type: FieldType.number, config: {}, values: numbers };
  const reduced = toNumber(reduceField({ field, reducers: [reducer] })[reducer]);
  // Grafana's reducers skip NaN like null; a series of only NaN/±Inf samples is invalid, not "no data".
  return reduced === null && values.some((v) => v != null) ? NaN : reduced;
}

const isNumberOrNull = (v: unknown) => typeof v === 'number' || v == null;

/**
 * A sample as a number (model/numbers.ts): null for none; numbers and wire strings (decimals, NaN, ±Inf) as what they
 * say; anything else — `true`, `[]`, `[null]`, "0x1F" — NaN, an invalid value, never the 1, 0, 0, 31 of `Number()`.
 */
export const toNumber = strictNumber;

/** Whether a sample is something other than a number or none (counted: the footer says how many). */
export function isNotNumber(v: unknown): boolean {
  return typeof v !== 'number' && v != null && !isSample(v);
}

/** A sample time as a number; unknown times sort first (oldest). */
const timeOf = (x: unknown) => {
  const n = typeof x === 'number' ? x : Number(x);
  return n === n ? n : -Infinity;
};

/**
 * A series' values oldest first. Reducers such as last/first take positions, and a frame sorted by something else
 * (a Sort by transformation, a table sorted by value) must still give the newest sample as "last".
 */
export function timeOrdered(values: unknown[], times: unknown[] | undefined): unknown[] {
  if (!times || times.length !== values.length) {
    return values;
  }
  for (let i = 1; i < times.length; i++) {
    if (timeOf(times[i]) < timeOf(times[i - 1])) {
      const order = Array.from(values, (_, k) => k).sort((a, b) => timeOf(times[a]) - timeOf(times[b]) || a - b);
      return order.map((k) => values[k]);
    }
  }
  return values;
}
