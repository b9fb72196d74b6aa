/** A time unit series may arrive in. */
export type TimeUnit = 's' | 'ms' | 'us' | 'ns';

/** Grafana unit ids for time, in seconds. */
const SECONDS: Record<string, number> = { ns: 1e-9, µs: 1e-6, us: 1e-6, ms: 1e-3, s: 1 };

/** Factor from the input unit to the display unit; 1 when either is unknown or not a time unit. */
export function conversionFactor(from: TimeUnit | undefined, to: string): number {
  if (!from || SECONDS[from] === undefined || SECONDS[to] === undefined) {
    return 1;
  }
  return SECONDS[from] / SECONDS[to];
}
