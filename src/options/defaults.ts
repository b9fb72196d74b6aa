import type { ReducerID } from '@grafana/data';

import { DEFAULT_SCOPE_SLAS, DEFAULT_SLA_CONFIG } from '../model/sla';
import { ModelGrouping, ModelOptions, PingmeshOptions } from './types';

/** Every option's default, in one place: the editor's `defaultValue`s and the normaliser's fallbacks. */
export const DEFAULT_OPTIONS: PingmeshOptions = {
  queries: {
    preset: 'auto',
    sourceLabel: 'src',
    destinationLabel: 'dst',
    latencyRefId: '',
    lossRefId: '',
    failRefId: '',
    expectedRefId: '',
    baselineRefId: '',
    timestampRefId: '',
    // ReducerID.lastNotNull, written out: the provisioning generator reads these defaults in Node, without Grafana.
    reducer: 'lastNotNull' as ReducerID,
    inputUnit: 'auto',
    missingMeans: 'auto',
  },
  grouping: {
    levels: '',
    startLevel: '',
    maxHosts: 2500,
    hostOrder: '',
    aggregation: 'max',
    sortBy: 'name',
    topologyRefIds: [],
    topologyHostLabels: 'node,instance,internal_ip,host_ip,host,kubernetes_node',
  },
  display: {
    showAxisLabels: true,
    shortNames: true,
    showDiagnosis: true,
    showTimeline: true,
    changedSince: '',
    showSearch: true,
    worstPairs: 0,
    palette: 'accessible',
  },
  sla: {
    mode: 'auto',
    scopes: DEFAULT_SCOPE_SLAS,
    lossWarn: DEFAULT_SLA_CONFIG.lossWarn,
    lossBreach: DEFAULT_SLA_CONFIG.lossBreach,
    baselineWarn: DEFAULT_SLA_CONFIG.baselineWarn,
    baselineBreach: DEFAULT_SLA_CONFIG.baselineBreach,
    staleAfter: '2m',
  },
  drill: {
    sourceVariable: '',
    destinationVariable: '',
  },
};

/** The grouping options that shape the model (not the view's level, order or cell value), as primitives. */
export function modelGroupingOf(grouping: PingmeshOptions['grouping']): ModelGrouping {
  const { levels, maxHosts, topologyRefIds, topologyHostLabels } = grouping;
  return { levels, maxHosts, topologyRefIds: topologyRefIds.join(','), topologyHostLabels };
}

/** What the model build takes from the options: the queries and the grouping that shapes the model. */
export function modelOptionsOf(queries: PingmeshOptions['queries'], grouping: ModelGrouping): ModelOptions {
  return { ...queries, ...grouping };
}

/** The model options at their defaults (tests and tools build models from these). */
export const DEFAULT_MODEL_OPTIONS: ModelOptions = modelOptionsOf(
  DEFAULT_OPTIONS.queries,
  modelGroupingOf(DEFAULT_OPTIONS.grouping)
);

/** Default field config: latency in ms with SLA-like thresholds. */
export const DEFAULT_UNIT = 'ms';
export const DEFAULT_THRESHOLD_STEPS = [
  { value: -Infinity, color: 'green' },
  { value: 10, color: 'orange' },
  { value: 100, color: 'red' },
];
