import { ReducerID } from '@grafana/data';

import { DEFAULT_SCOPE_SLAS, DEFAULT_SLA_CONFIG, ScopeSla, SlaMode } from '../model/sla';
import type { TimeUnit } from '../model/units';
import type { PaletteId } from '../render/palette';

/** Which exporter's label names to use, or `auto` (detect from the labels present) or `custom`. */
export type PresetChoice = 'auto' | 'custom' | string;

export type InputUnit = 'auto' | TimeUnit;

export interface PingmeshOptions {
  /** Exporter preset id, `auto` or `custom`. */
  preset: PresetChoice;
  /** Source label when preset is `custom`; several candidates may be given comma-separated, first non-empty wins. */
  sourceLabel: string;
  /** Destination label when preset is `custom`; comma-separated candidates as for sourceLabel. */
  destinationLabel: string;
  /** refId of the latency query; empty = the first refId in the response. */
  latencyRefId: string;
  /** Grafana reducer that turns a pair's time series into one value. */
  reducer: ReducerID;
  /** Unit the series arrive in; `auto` reads it from the metric name or preset. Values are converted to the field unit. */
  inputUnit: InputUnit;
  /** refId of the loss-ratio query; empty = a query whose metric name mentions loss or drops; `none` = no loss. */
  lossRefId: string;
  /** refId of the probe-failure query (value > 0 = failed, e.g. `pingmesh_fail`); empty = by metric name; `none`. */
  failRefId: string;
  /** refId of a query listing the pairs that are probed at all (any value); pairs outside it are "not probed". */
  expectedRefId: string;
  /** refId of the baseline query (the pair's usual latency, e.g. its median over a week) for the baseline SLA mode. */
  baselineRefId: string;
  /** refId of a query giving each pair's newest sample time in epoch seconds (e.g. `timestamp(metric)`), for staleness. */
  timestampRefId: string;
  /** More hosts than this are drawn as their groups (the deepest grouping level that fits); 0 = the hard limit. */
  maxHosts: number;
  /** What a pair with no series in any query means: `auto` = no data, or OK for breach-only exporters. */
  missingMeans: 'auto' | 'noData' | 'notProbed' | 'ok';
  /** Show host names on the axes (only those that fit are drawn). */
  showAxisLabels: boolean;
  /** Axis labels without the prefix / domain suffix all hosts share (tooltips, search and links keep full names). */
  shortNames: boolean;
  /**
   * Grouping levels, outermost first, comma-separated: `region,dc,az,tor`. A level is read from the pair series as
   * `src_<level>`/`dst_<level>` (a bare `<level>` label counts for the source), or from the topology query; `zone=label_x`
   * names the level `zone` and reads label `label_x` from the topology query.
   */
  levels: string;
  /** The level the view starts collapsed at (e.g. `dc` for DC × DC); empty = the outermost level. */
  startLevel: string;
  /** How a group × group cell summarises its pairs. */
  aggregation: Aggregation;
  /** Order within each level. */
  sortBy: SortBy;
  /** Hosts first, in this order (comma-separated); the rest follow by the sort. */
  hostOrder: string;
  /** refIds of topology queries (e.g. kube_node_labels, kube_node_info), comma-separated; empty = none. */
  topologyRefIds: string;
  /** Labels on the topology series that name the host (node name or IP), comma-separated. */
  topologyHostLabels: string;
  /** One line above the matrix naming the likely culprit from the pattern of breaches (rules over rows, columns, blocks). */
  showDiagnosis: boolean;
  /** A strip of the share of pairs over SLA across the time range (range queries); click or drag it to go back in time. */
  showTimeline: boolean;
  /** Outline cells whose status changed versus this long before the shown time (Grafana duration; empty = off). */
  changedSince: string;
  /** A search box above the matrix: find a host or group, highlight it on both axes and reveal it. */
  showSearch: boolean;
  /** Rows in the worst-pairs list beside the matrix; 0 = no list. */
  worstPairs: number;
  /** Dashboard variables the cell menu sets to the pair's source / destination (empty = no such action). */
  sourceVariable: string;
  destinationVariable: string;
  /** How cells are judged: `auto` = per scope when grouped, else the field thresholds. */
  slaMode: SlaMode;
  /** Per-scope SLAs (latency ms, loss ratio). */
  slaScopes: Record<string, ScopeSla>;
  /** Loss thresholds (ratios) when not judging per scope. */
  lossWarn: number;
  lossBreach: number;
  /** Baseline mode: latency / baseline ratios for warning and over SLA. */
  baselineWarn: number;
  baselineBreach: number;
  /** A measured pair whose newest sample is older than this (Grafana duration, e.g. `2m`; empty = never) is stale. */
  staleAfter: string;
  /** Cell colours: colour-blind-safe state colours, or Grafana's threshold colours. */
  palette: PaletteId;
}

/** `share`: group cells coloured by the share of their judged pairs over SLA (a failed probe counts as over SLA). */
export type Aggregation = 'max' | 'mean' | 'p50' | 'p90' | 'p99' | 'share';

/** The options that shape the model; the rest (start level, aggregation, sort, labels) only change the view. */
export const MODEL_OPTION_KEYS = [
  'preset',
  'sourceLabel',
  'destinationLabel',
  'latencyRefId',
  'reducer',
  'inputUnit',
  'lossRefId',
  'failRefId',
  'expectedRefId',
  'baselineRefId',
  'timestampRefId',
  'maxHosts',
  'missingMeans',
  'levels',
  'topologyRefIds',
  'topologyHostLabels',
] as const;
export type ModelOptions = Pick<PingmeshOptions, (typeof MODEL_OPTION_KEYS)[number]>;

export function pickModelOptions(options: PingmeshOptions): ModelOptions {
  return Object.fromEntries(MODEL_OPTION_KEYS.map((k) => [k, options[k]])) as unknown as ModelOptions;
}
export type SortBy = 'name' | 'worst' | 'breaches';

export const DEFAULT_OPTIONS: PingmeshOptions = {
  preset: 'auto',
  sourceLabel: 'src',
  destinationLabel: 'dst',
  latencyRefId: '',
  reducer: ReducerID.lastNotNull,
  inputUnit: 'auto',
  lossRefId: '',
  failRefId: '',
  expectedRefId: '',
  baselineRefId: '',
  timestampRefId: '',
  maxHosts: 2500,
  missingMeans: 'auto',
  showAxisLabels: true,
  shortNames: true,
  levels: '',
  startLevel: '',
  aggregation: 'max',
  sortBy: 'name',
  hostOrder: '',
  topologyRefIds: '',
  topologyHostLabels: 'node,instance,internal_ip,host_ip,host,kubernetes_node',
  showSearch: true,
  showDiagnosis: true,
  showTimeline: true,
  changedSince: '',
  worstPairs: 0,
  sourceVariable: '',
  destinationVariable: '',
  slaMode: 'auto',
  slaScopes: DEFAULT_SCOPE_SLAS,
  lossWarn: DEFAULT_SLA_CONFIG.lossWarn,
  lossBreach: DEFAULT_SLA_CONFIG.lossBreach,
  baselineWarn: DEFAULT_SLA_CONFIG.baselineWarn,
  baselineBreach: DEFAULT_SLA_CONFIG.baselineBreach,
  staleAfter: '2m',
  palette: 'accessible',
};

/** Default field config: latency in ms with SLA-like thresholds. */
export const DEFAULT_UNIT = 'ms';
export const DEFAULT_THRESHOLD_STEPS = [
  { value: -Infinity, color: 'green' },
  { value: 10, color: 'orange' },
  { value: 100, color: 'red' },
];
