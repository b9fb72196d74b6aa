import {
  DataFrame,
  FieldColorModeId,
  FieldConfig,
  FieldType,
  Labels,
  ThresholdsMode,
  toDataFrame,
} from '@grafana/data';

/**
 * Frames shaped as Grafana 11–13's Prometheus data source shapes them (shared/docs/DATA.md). Test-only.
 */
export interface SeriesSpec {
  labels: Labels;
  /** One value per timestamp; a single value makes an instant (vector) frame. */
  values: Array<number | null>;
}

const T0 = 1_700_000_000_000;
const STEP = 30_000;

/** One frame per series, as the backend converter emits it: `[Time, <number field>]`, labels on the number field. */
export function seriesFrames(specs: SeriesSpec[], refId = 'A'): DataFrame[] {
  return specs.map(({ labels, values }) => {
    const { __name__, ...rest } = labels;
    const instant = values.length === 1;
    return toDataFrame({
      refId,
      meta: {
        type: instant ? 'numeric-multi' : 'timeseries-multi',
        typeVersion: [0, 1],
        custom: { resultType: instant ? 'vector' : 'matrix' },
      },
      fields: [
        { name: 'Time', type: FieldType.time, config: { interval: STEP }, values: values.map((_, i) => T0 + i * STEP) },
        { name: __name__ ?? 'Value', type: FieldType.number, labels: rest, config: {}, values },
      ],
    });
  });
}

/**
 * Table format: all series of a refId merged into one frame `[Time, <label columns sorted>, Value]`;
 * the value field is `Value #<refId>` when several queries use table format.
 */
export function tableFrame(specs: SeriesSpec[], refId = 'A', multiQuery = false): DataFrame {
  const labelNames = [...new Set(specs.flatMap((s) => Object.keys(s.labels)))].sort();
  const time: number[] = [];
  const value: Array<number | null> = [];
  const columns: Record<string, string[]> = Object.fromEntries(labelNames.map((l) => [l, []]));
  for (const spec of specs) {
    spec.values.forEach((v, i) => {
      time.push(T0 + i * STEP);
      value.push(v);
      for (const l of labelNames) {
        columns[l].push(spec.labels[l] ?? '');
      }
    });
  }
  return toDataFrame({
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      { name: 'Time', type: FieldType.time, config: {}, values: time },
      ...labelNames.map((l) => ({ name: l, type: FieldType.string, config: {}, values: columns[l] })),
      { name: multiQuery ? `Value #${refId}` : 'Value', type: FieldType.number, config: {}, values: value },
    ],
  });
}

/** A full mesh over `hosts` with a value function; self pairs skipped, as agents do not probe themselves. */
export function mesh(
  hosts: string[],
  value: (src: string, dst: string) => number | null,
  labels: (src: string, dst: string) => Labels = (src, dst) => ({ src, dst })
): SeriesSpec[] {
  return hosts.flatMap((s) =>
    hosts.filter((d) => d !== s).map((d) => ({ labels: labels(s, d), values: [value(s, d)] }))
  );
}

/** Field config with unit ms, the thresholds colour mode and absolute steps: `[[-Infinity, 'green'], [100, 'red']]`. */
export function msThresholds(steps: Array<[number, string]>, extra: FieldConfig = {}): FieldConfig {
  return {
    unit: 'ms',
    color: { mode: FieldColorModeId.Thresholds },
    thresholds: { mode: ThresholdsMode.Absolute, steps: steps.map(([value, color]) => ({ value, color })) },
    ...extra,
  };
}
