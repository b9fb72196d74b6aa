import { FieldConfig, Threshold, ThresholdsConfig, sortThresholds } from '@grafana/data';

import { strictNumber } from './numbers';

/**
 * The field's threshold steps in ascending order (Grafana's `sortThresholds`), once, where the model's field is made:
 * the breach level (the last step, aggregate.ts) and the colours (palette.ts) then read the same order. Saved JSON
 * keeps steps in whatever order a hand edit or a provisioning tool wrote them, and the base step's value as null.
 */
export function sortedThresholds<T extends ThresholdsConfig | undefined>(thresholds: T): T {
  if (!thresholds || !Array.isArray(thresholds.steps)) {
    return thresholds;
  }
  const steps: Threshold[] = thresholds.steps
    .filter((s): s is Threshold => typeof s === 'object' && s !== null)
    .map((s) => ({ ...s, value: stepValue(s.value) }));
  return { ...thresholds, steps: sortThresholds(steps) } as T;
}

/** A field config whose thresholds (if any) are sorted; the input is not changed. */
export function withSortedThresholds(config: FieldConfig): FieldConfig {
  return config.thresholds ? { ...config, thresholds: sortedThresholds(config.thresholds) } : config;
}

/** The base step is saved as null: it is the lowest. A value that is no number sorts with it. */
function stepValue(v: unknown): number {
  const n = strictNumber(v);
  return n === null || Number.isNaN(n) ? -Infinity : n;
}
