import { t } from '@grafana/i18n';

import { RAW } from '../util/i18n';
import { ModelOptions } from '../options/types';

/** Which refId plays which part; `notes` name configured queries that sent no frame at all (a wrong refId). */
export interface PairRoles {
  latency: string;
  loss?: string;
  fail?: string;
  expected?: string;
  baseline?: string;
  timestamp?: string;
  missing: ModelOptions['missingMeans'];
  notes: string[];
}

const LOSS_METRIC = /loss|drop/i;
const FAIL_METRIC = /fail/i;

/**
 * Which query is which: explicit refIds from the options, else by metric name (a query whose metric names mention
 * loss or drops is the loss query, one mentioning failures the probe-failure query); latency is the first other one.
 */
export function pairRoles(
  options: ModelOptions,
  /** Queries that answered, rows or not (an empty result is one frame with no fields). */
  refIds: string[],
  topologyRefIds: string[],
  metricsOf: (refId: string) => Set<string>,
  /** Queries that are no pair query (a node-mode gauge). */
  excluded: string[] = []
): PairRoles {
  const notes: string[] = [];
  const pick = (option: string) => (option === '' || option === 'none' ? undefined : option);
  const expected = pick(options.expectedRefId);
  const baseline = pick(options.baselineRefId);
  const timestamp = pick(options.timestampRefId);
  const others = refIds.filter(
    (r) => !topologyRefIds.includes(r) && !excluded.includes(r) && r !== expected && r !== baseline && r !== timestamp
  );
  const named = (r: string, re: RegExp) => [...metricsOf(r)].some((m) => re.test(m));
  const kind = (r: string) => (named(r, LOSS_METRIC) ? 'loss' : named(r, FAIL_METRIC) ? 'fail' : undefined);
  const latency = pick(options.latencyRefId) ?? others.find((r) => kind(r) === undefined) ?? others[0] ?? refIds[0];
  const auto = (option: string, k: 'loss' | 'fail') =>
    option === 'none' ? undefined : (pick(option) ?? others.find((r) => r !== latency && kind(r) === k));
  const loss = auto(options.lossRefId, 'loss');
  const fail = auto(options.failRefId, 'fail');
  // One whole sentence per query role, so a translation can put the role where its language wants it.
  const missingNotes: Array<[string | undefined, (refId: string) => string]> = [
    [loss, (refId) => t('model.notice.no-frames-loss', 'No frames for the loss query `{{refId}}`.', { refId, ...RAW })],
    [
      fail,
      (refId) =>
        t('model.notice.no-frames-fail', 'No frames for the probe failure query `{{refId}}`.', { refId, ...RAW }),
    ],
    [
      expected,
      (refId) =>
        t('model.notice.no-frames-expected', 'No frames for the expected pairs query `{{refId}}`.', {
          refId,
          ...RAW,
        }),
    ],
    [
      baseline,
      (refId) =>
        t('model.notice.no-frames-baseline', 'No frames for the baseline query `{{refId}}`.', { refId, ...RAW }),
    ],
    [
      timestamp,
      (refId) =>
        t('model.notice.no-frames-timestamp', 'No frames for the sample time query `{{refId}}`.', { refId, ...RAW }),
    ],
  ];
  for (const [r, note] of missingNotes) {
    if (r !== undefined && !refIds.includes(r)) {
      notes.push(note(r));
    }
  }
  const missing = expected !== undefined ? 'notProbed' : options.missingMeans;
  return { latency, loss, fail, expected, baseline, timestamp, missing, notes };
}
