import { t } from '@grafana/i18n';

import { RAW } from '../util/i18n';
import { ExporterPreset } from '../model/presets';
import { UnitReport, UnitSource } from '../model/types';
import { TimeUnit, conversionFactor } from '../model/units';
import { InputUnit } from '../options/types';
import { formatCount } from '../util/format';

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
const TIME_SUFFIX = /_(seconds|s|milliseconds|ms|microseconds|us|nanoseconds|ns)(_bucket|_sum|_count)?$/;
const PERCENT_SUFFIX = /_(pct|percent|percentage)$/;
/** Grafana's time unit ids, as a field's unit, in our spelling. */
const FIELD_UNIT: Record<string, TimeUnit> = { s: 's', ms: 'ms', µs: 'us', us: 'us', ns: 'ns' };

/** The time unit a metric name ends in (`_seconds`, `_ms`, `_ns_bucket`, …), if any. */
export function unitOfName(metric: string | undefined): TimeUnit | undefined {
  const m = metric === undefined ? null : TIME_SUFFIX.exec(metric);
  return m ? SUFFIX_UNIT[m[1]] : undefined;
}

/** How one series is read: multiply its raw values by `factor`; `guessed` when nothing said which unit they are in. */
export interface SeriesScale {
  factor: number;
  guessed: boolean;
  /** The unit the values were taken to be in, and what said so (undefined when guessed). */
  from?: TimeUnit;
  source?: UnitSource;
}

export interface ScaleSettings {
  option: InputUnit;
  /** The matrix's unit (the latency fields' unit). */
  display: string;
  preset?: ExporterPreset;
}

/**
 * The unit of one latency series, in this order: the *Input unit* option; the series' own field unit where it differs
 * from the matrix's (a field override says what its values are); the unit in its metric name; the preset's unit.
 * Without any of them the values are read as the matrix's unit, and that is a guess the panel reports.
 */
export function latencyScale(s: ScaleSettings, fieldUnit: string | undefined, metric: string | undefined): SeriesScale {
  const known = (from: TimeUnit, source: UnitSource): SeriesScale => ({
    factor: conversionFactor(from, s.display),
    guessed: false,
    from,
    source,
  });
  if (s.option !== 'auto') {
    return known(s.option, 'option');
  }
  const own = fieldUnit === undefined ? undefined : FIELD_UNIT[fieldUnit];
  if (own !== undefined && fieldUnit !== s.display) {
    return known(own, 'field');
  }
  const named = unitOfName(metric);
  if (named) {
    return known(named, 'name');
  }
  if (s.preset?.unit) {
    return known(s.preset.unit, 'preset');
  }
  return { factor: 1, guessed: true };
}

/** Loss is a ratio (0.01 = 1 %); a metric named `…_pct` / `…_percent`, or a percent preset's nameless series, is converted. */
export function lossScale(preset: ExporterPreset | undefined, metric: string | undefined): SeriesScale {
  if (metric !== undefined && PERCENT_SUFFIX.test(metric)) {
    return { factor: 0.01, guessed: false, source: 'name' };
  }
  if (metric === undefined && preset?.lossPercent) {
    return { factor: 0.01, guessed: false, source: 'preset' };
  }
  return { factor: 1, guessed: false };
}

/** The matrix's unit: the latency fields' most common unit (overrides are the exceptions), else ms. */
export function displayUnit(fieldUnits: Array<string | undefined>): string {
  const counts = new Map<string, number>();
  for (const u of fieldUnits) {
    const unit = u ?? 'ms';
    counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  let best = 'ms';
  let most = 0;
  for (const [unit, n] of counts) {
    if (n > most) {
      best = unit;
      most = n;
    }
  }
  return best;
}

/** Tallies how the series of a query were read, for the report. */
export class ScaleTally {
  private known = new Map<string, { unit: TimeUnit; source: UnitSource; series: number }>();
  guessed = 0;
  /** A sample of the values read by guess (for the plausibility check). */
  private sample: number[] = [];
  private seen = 0;
  private lastScale?: SeriesScale;
  private lastEntry?: { unit: TimeUnit; source: UnitSource; series: number };

  count(scale: SeriesScale, value: number | null) {
    if (scale.guessed) {
      this.guessed++;
      if (value !== null && Number.isFinite(value) && value >= 0) {
        // Every value up to 4,096, then every k-th: a median of a sample is enough to tell seconds from ms.
        if (this.seen++ % Math.max(1, this.seen >> 12) === 0) {
          this.sample.push(value);
        }
      }
      return;
    }
    if (scale.from === undefined || scale.source === undefined) {
      return;
    }
    // Consecutive series mostly share one scale object (gather reuses it): count without building a key.
    if (scale === this.lastScale && this.lastEntry) {
      this.lastEntry.series++;
      return;
    }
    const key = `${scale.from}\u0000${scale.source}`;
    const entry = this.known.get(key);
    if (entry) {
      entry.series++;
      this.lastEntry = entry;
    } else {
      this.lastEntry = { unit: scale.from, source: scale.source, series: 1 };
      this.known.set(key, this.lastEntry);
    }
    this.lastScale = scale;
  }

  report(display: string): UnitReport {
    const sorted = this.sample.sort((a, b) => a - b);
    const median = sorted.length > 0 ? sorted[(sorted.length - 1) >> 1] : undefined;
    const inMs = median === undefined ? undefined : median * (conversionFactor(display as TimeUnit, 'ms') || 1);
    const implausible =
      inMs === undefined ? undefined : inMs > 0 && inMs < 0.05 ? 'small' : inMs > 60_000 ? 'large' : undefined;
    return {
      display,
      from: [...this.known.values()],
      guessed: this.guessed,
      median: implausible ? median : undefined,
      implausible,
    };
  }
}

/** Footer sentences for how the latency series were read. */
export function unitNotices(report: UnitReport): string[] {
  const out: string[] = [];
  const converted = report.from.filter((f) => conversionFactor(f.unit, report.display) !== 1);
  const units = [...new Set(converted.map((f) => f.unit))];
  if (units.length === 1 && report.from.every((f) => f.unit === units[0])) {
    out.push(
      t('model.notice.converted', 'Values converted from {{from}} to {{to}}.', {
        from: units[0],
        to: report.display,
        ...RAW,
      })
    );
  } else if (units.length > 0) {
    const parts = units.map((u) =>
      t('model.notice.converted-part', '{{n}} series from {{from}}', {
        n: String(converted.filter((f) => f.unit === u).reduce((n, f) => n + f.series, 0)),
        from: u,
        ...RAW,
      })
    );
    out.push(
      t('model.notice.converted-mixed', 'Values converted to {{to}}, each series by its own unit: {{parts}}.', {
        to: report.display,
        parts: parts.join(', '),
        ...RAW,
      })
    );
  }
  if (report.guessed > 0) {
    out.push(
      t('model.notice.unit-unknown', '', {
        count: report.guessed,
        n: formatCount(report.guessed),
        unit: report.display,
        defaultValue_one:
          'Unit unknown for {{n}} series (no unit in its metric name, no preset or field unit): read as {{unit}} — set *Input unit*.',
        defaultValue_other:
          'Unit unknown for {{n}} series (no unit in their metric names, no preset or field unit): read as {{unit}} — set *Input unit*.',
        ...RAW,
      })
    );
  }
  if (report.implausible === 'small') {
    out.push(
      t(
        'model.notice.unit-implausible-small',
        'Their median, {{median}} {{unit}}, is implausibly small for a latency in {{unit}}: they look like seconds.',
        { median: String(Number(report.median!.toPrecision(3))), unit: report.display, ...RAW }
      )
    );
  } else if (report.implausible === 'large') {
    out.push(
      t(
        'model.notice.unit-implausible-large',
        'Their median, {{median}} {{unit}}, is implausibly large for a latency in {{unit}}: they look like µs or ns.',
        { median: String(Number(report.median!.toPrecision(3))), unit: report.display, ...RAW }
      )
    );
  }
  return out;
}

/**
 * The scale of any raw series, as the model applied it: what the pair view multiplies by. A class with a bound method
 * on purpose: the model keeps it, and it must hold no frame (see hosts.ts).
 */
export class PairScale {
  constructor(
    private readonly settings: ScaleSettings,
    private readonly latencyRefId: string,
    private readonly lossRefId: string | undefined
  ) {}

  scaleOf(series: { refId: string; field: { config: { unit?: string } }; metric?: string }): number {
    if (series.refId === this.latencyRefId) {
      return latencyScale(this.settings, series.field.config.unit, series.metric).factor;
    }
    if (series.refId === this.lossRefId) {
      return lossScale(this.settings.preset, series.metric).factor;
    }
    return 1;
  }
}
