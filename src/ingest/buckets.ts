import { t } from '@grafana/i18n';

import { RAW } from '../util/i18n';
import { ExporterPreset } from '../model/presets';
import { BucketInfo } from '../model/types';
import { TimeUnit, conversionFactor } from '../model/units';
import { NumberFieldView, metricNames } from './series';
import { unitOfName } from './units';

/** VictoriaMetrics histogram bucket label: `vmrange="1.000e-03...1.136e-03"`. */
const VMRANGE = /^([^.]+(?:\.[^.]+)?)\.\.\.(.+)$/;

/** Distinct values of one label over the views (field labels and columns), at most a few thousand rows each. */
function labelValues(views: NumberFieldView[], label: string): Array<{ value: string; view: NumberFieldView }> {
  const out: Array<{ value: string; view: NumberFieldView }> = [];
  const seen = new Set<string>();
  const push = (value: unknown, view: NumberFieldView) => {
    if (typeof value === 'string' && value !== '' && !seen.has(value)) {
      seen.add(value);
      out.push({ value, view });
    }
  };
  for (const view of views) {
    push(view.field.labels?.[label], view);
    const column = view.labelColumns.find((c) => c.name === label)?.values;
    for (let row = 0; column && row < Math.min(column.length, 4096); row++) {
      push(column[row], view);
    }
  }
  return out;
}

export interface BucketInput {
  /** Every number field of the response (a bucket query may be any refId). */
  views: NumberFieldView[];
  preset?: ExporterPreset;
  /** The matrix's unit and the latency series' own unit when they had one. */
  display: string;
  latencyUnit?: TimeUnit;
  /** Some latency series had no metric name (a quantile from the preset's histogram). */
  nameless: boolean;
}

/**
 * The latency histogram's bucket bounds in the matrix's unit, so the panel can say when a threshold is finer than them:
 * from `le` (or VictoriaMetrics `vmrange`) labels when the response keeps them, else from the preset's known default
 * buckets when the latency is a nameless quantile of its histogram. Undefined when nothing tells.
 */
export function bucketsOf(input: BucketInput): { buckets?: BucketInfo; notices: string[] } {
  const { views, preset, display } = input;
  const notices: string[] = [];
  const toDisplay = (view: NumberFieldView | undefined) => {
    const named = view
      ? metricNames(view)
          .map(unitOfName)
          .find((u) => u !== undefined)
      : undefined;
    const from = named ?? preset?.unit ?? input.latencyUnit;
    return from ? conversionFactor(from, display) : 1;
  };
  const bounds = new Set<number>();
  for (const { value, view } of labelValues(views, 'le')) {
    const n = Number(value);
    if (Number.isFinite(n) && n > 0) {
      bounds.add(n * toDisplay(view));
    }
  }
  let source: BucketInfo['source'] | undefined = bounds.size > 0 ? 'le' : undefined;
  const vm = labelValues(views, 'vmrange');
  if (vm.length > 0) {
    notices.push(
      t(
        'model.notice.vmrange',
        'Histogram buckets are VictoriaMetrics vmrange buckets (e.g. KUBENURSE_VICTORIAMETRICS_HISTOGRAM=true): Prometheus’ histogram_quantile ignores them and finds no le buckets — query VictoriaMetrics, whose histogram_quantile reads vmrange, or export Prometheus buckets.'
      )
    );
    if (!source) {
      for (const { value, view } of vm) {
        const m = VMRANGE.exec(value);
        const f = toDisplay(view);
        for (const x of m ? [Number(m[1]), Number(m[2])] : []) {
          if (Number.isFinite(x) && x > 0) {
            bounds.add(x * f);
          }
        }
      }
      source = bounds.size > 0 ? 'vmrange' : undefined;
    }
  }
  if (!source && vm.length === 0 && input.nameless && preset?.buckets && preset.unit) {
    const f = conversionFactor(preset.unit, display);
    preset.buckets.forEach((b) => bounds.add(b * f));
    source = 'preset';
  }
  if (!source) {
    return { notices };
  }
  return {
    buckets: {
      bounds: [...bounds].sort((a, b) => a - b),
      source,
      preset: source === 'preset' ? preset?.name : undefined,
    },
    notices,
  };
}

/** Sentences for a raw counter read as a gauge (a failure or loss query over `…_total` without rate()). */
export function counterNotice(refId: string, metrics: Set<string>): string | undefined {
  const counter = [...metrics].find((m) => /_total$/.test(m));
  if (!counter) {
    return undefined;
  }
  return t(
    'model.notice.raw-counter',
    'Query `{{refId}}` reads the counter `{{metric}}` as it is: it only grows, so wrap it in rate() or increase().',
    { refId, metric: counter, ...RAW }
  );
}
