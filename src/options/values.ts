import { rangeUtil } from '@grafana/data';

/** Readers of option values as JSON holds them: they never throw. */

/** Grafana durations are a whole number and a unit (intervalToMs alone reads "1.5m" as 1m and "1." as 1s). */
const DURATION = /^\d+(ms|s|m|h|d|w|M|y)?$/;
/** Decimal numbers only: "0x1F", "1e" or " " are not numbers here. */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A number option's value: numbers, and decimal strings from provisioned JSON; undefined for anything else. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === 'string' && DECIMAL.test(value.trim())) {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A Grafana duration in ms, or undefined when the text is not a positive one. */
export function durationMs(text: string): number | undefined {
  if (!DURATION.test(text)) {
    return undefined;
  }
  try {
    const ms = rangeUtil.intervalToMs(text);
    return ms > 0 ? ms : undefined;
  } catch {
    return undefined;
  }
}
