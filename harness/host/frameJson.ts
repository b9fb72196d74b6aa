import {
  DataFrame,
  DataFrameJSON,
  FieldValueEntityLookup,
  dataFrameFromJSON,
  dataFrameToJSON,
  toDataFrame,
} from '@grafana/data';

/**
 * Grafana's wire format for frames: JSON cannot hold NaN/±Inf, so the backend writes null and lists the
 * indexes under `entities` (Go SDK); `dataFrameFromJSON` restores them. The harness uses the same encoding
 * in both directions so `window.harness.frames()` round-trips exactly.
 */
export function encodeValues(values: readonly unknown[]): {
  values: unknown[];
  entities: FieldValueEntityLookup | null;
} {
  let entities: FieldValueEntityLookup | null = null;
  const out = values.map((v, i) => {
    if (typeof v !== 'number' || Number.isFinite(v)) {
      return v;
    }
    entities ??= {};
    const key = Number.isNaN(v) ? 'NaN' : v > 0 ? 'Inf' : 'NegInf';
    (entities[key] ??= []).push(i);
    return null;
  });
  return { values: out, entities };
}

export function frameToJSON(frame: DataFrame): DataFrameJSON {
  const json = dataFrameToJSON(frame);
  const entities: Array<FieldValueEntityLookup | null> = [];
  const values = (json.data?.values ?? []).map((column) => {
    const encoded = encodeValues(column);
    entities.push(encoded.entities);
    return encoded.values;
  });
  const data: DataFrameJSON['data'] = { ...json.data, values };
  if (entities.some((e) => e !== null)) {
    data.entities = entities;
  }
  return { schema: json.schema, data };
}

function isFrameJSON(input: object): input is DataFrameJSON {
  return 'schema' in input;
}

/** Inline frames may be wire JSON, a DTO (`{fields: [{name, values}]}`) or an already-built DataFrame. */
export function frameFromInput(input: object): DataFrame {
  return isFrameJSON(input) ? dataFrameFromJSON(input) : toDataFrame(input);
}
