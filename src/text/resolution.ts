import { t } from '@grafana/i18n';

import { ResolutionIssue } from '../model/resolution';
import { Status } from '../model/sla';
import { BucketInfo } from '../model/types';
import { RAW } from '../util/i18n';
import { statusLabel } from './status';

/** One footer line for the issues (the lowest threshold, and how many more), or undefined. */
export function resolutionNotice(
  issues: ResolutionIssue[],
  buckets: BucketInfo | undefined,
  fmt: (v: number) => string
): string | undefined {
  const first = issues[0];
  if (!first || !buckets) {
    return undefined;
  }
  const source =
    buckets.source === 'preset' && buckets.preset
      ? t('sla.resolution.source-preset', '{{preset}}’s default buckets', { preset: buckets.preset, ...RAW })
      : t('sla.resolution.source-query', 'the query’s buckets');
  const state = statusLabel(first.state === 'warning' ? Status.Warning : Status.Breach);
  const values = {
    source,
    state: state.toLocaleLowerCase(),
    threshold: fmt(first.threshold),
    scope: first.scope,
    from: fmt(first.from),
    to: fmt(first.to),
    ...RAW,
  };
  const line =
    first.to === Infinity
      ? t(
          'sla.resolution.beyond',
          'Quantiles from {{source}} end at {{from}}: they never reach {{state}} at {{threshold}} ({{scope}}).',
          values
        )
      : t(
          'sla.resolution.inside',
          'Quantiles from {{source}} cannot tell OK from {{state}} at {{threshold}} ({{scope}}): it lies inside the bucket {{from}}–{{to}}.',
          values
        );
  if (issues.length === 1) {
    return line;
  }
  return t('sla.resolution.more', '', {
    line,
    count: issues.length - 1,
    defaultValue_one: '{{line}} So does {{count}} more threshold.',
    defaultValue_other: '{{line}} So do {{count}} more thresholds.',
    ...RAW,
  });
}
