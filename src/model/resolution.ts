import { Classified } from './sla';
import { BucketInfo } from './types';

/** A latency threshold a histogram quantile cannot judge: inside one bucket, or beyond the last finite one. */
export interface ResolutionIssue {
  scope: string;
  state: 'warning' | 'breach';
  threshold: number;
  /** The bucket holding the threshold (`to` = Infinity beyond the last finite bound). */
  from: number;
  to: number;
}

const onBound = (x: number, b: number) => Math.abs(x - b) <= 1e-9 * Math.max(Math.abs(x), Math.abs(b));

/**
 * Thresholds a quantile from these buckets cannot tell apart: histogram_quantile interpolates inside a bucket (a
 * 0.2 ms pair in a 0–1 ms bucket reads ~0.99 ms at p99), so a threshold strictly inside one judges the interpolation,
 * not the latency; above the last finite bound it is never reached. Lowest threshold first.
 */
export function resolutionIssues(classified: Classified, buckets: BucketInfo | undefined): ResolutionIssue[] {
  if (!buckets || buckets.bounds.length === 0 || classified.mode === 'baseline') {
    return [];
  }
  const bounds = buckets.bounds;
  const out: ResolutionIssue[] = [];
  classified.scopes.forEach((scope, k) => {
    const sla = classified.slas[k];
    for (const [state, threshold] of [
      ['warning', sla.latencyWarn],
      ['breach', sla.latencyBreach],
    ] as const) {
      if (!Number.isFinite(threshold) || threshold <= 0 || bounds.some((b) => onBound(threshold, b))) {
        continue;
      }
      const upper = bounds.findIndex((b) => b > threshold);
      out.push({
        scope,
        state,
        threshold,
        from: upper <= 0 ? (upper === 0 ? 0 : bounds[bounds.length - 1]) : bounds[upper - 1],
        to: upper < 0 ? Infinity : bounds[upper],
      });
    }
  });
  return out.sort((a, b) => a.threshold - b.threshold);
}
