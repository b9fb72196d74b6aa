import { InputUnit } from '../types';
import { ExporterPreset } from './presets';

type TimeUnit = Exclude<InputUnit, 'auto'>;

/** Grafana unit ids for time, in seconds. */
const SECONDS: Record<string, number> = { ns: 1e-9, µs: 1e-6, us: 1e-6, ms: 1e-3, s: 1 };

const SUFFIX_UNIT: Record<string, TimeUnit> = {
  seconds: 's',
  s: 's',
  milliseconds: 'ms',
  ms: 'ms',
  microseconds: 'us',
  us: 'us',
  nanoseconds: 'ns',
  ns: 'ns',
};

/** Unit the latency arrives in: explicit option, else metric name suffix, else the preset's unit. */
export function inputUnitOf(
  option: InputUnit,
  metricNames: Set<string>,
  preset?: ExporterPreset
): TimeUnit | undefined {
  if (option !== 'auto') {
    return option;
  }
  for (const name of metricNames) {
    const m = /_(seconds|s|milliseconds|ms|microseconds|us|nanoseconds|ns)(_bucket|_sum|_count)?$/.exec(name);
    if (m) {
      return SUFFIX_UNIT[m[1]];
    }
  }
  return preset?.unit;
}

/** Factor from the input unit to the display unit; 1 when either is unknown or not a time unit. */
export function conversionFactor(from: TimeUnit | undefined, to: string): number {
  if (!from || SECONDS[from] === undefined || SECONDS[to] === undefined) {
    return 1;
  }
  return SECONDS[from] / SECONDS[to];
}
