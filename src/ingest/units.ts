import { ExporterPreset } from '../model/presets';
import { TimeUnit } from '../model/units';
import { InputUnit } from '../types';

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
