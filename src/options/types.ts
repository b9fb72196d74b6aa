import type { ReducerID } from '@grafana/data';

import type { ScopeSla, SlaMode } from '../model/sla';
import type { TimeUnit } from '../model/units';
import type { PaletteId } from '../render/palette';

/**
 * The panel's options, nested by what they shape (as Grafana's heatmap nests `yAxis.*`, `color.*`). Grafana copies
 * options along the edited path, and useOptions (components/useOptions.ts) keeps a section's identity while its values
 * stay the same, so `useMemo(…, [options.sla])` re-runs only when an SLA option changed. Values here are always valid:
 * the normaliser (normalize.ts) makes them so from whatever JSON a dashboard holds. Defaults: defaults.ts.
 */
export interface PingmeshOptions {
  queries: QueryOptions;
  grouping: GroupingOptions;
  display: DisplayOptions;
  sla: SlaOptions;
  drill: DrillOptions;
}

export type Section = keyof PingmeshOptions;
/** The sections, in the editor's order. */
export const SECTIONS: readonly Section[] = ['queries', 'grouping', 'display', 'sla', 'drill'];

/** Exporter preset id, `auto` (detect from the labels present) or `custom`. */
export type PresetChoice = 'auto' | 'custom' | string;
export type InputUnit = 'auto' | TimeUnit;
export type MissingMeans = 'auto' | 'noData' | 'notProbed' | 'ok';
/** `share`: group cells coloured by the share of their judged pairs over SLA (a failed probe counts as over SLA). */
export type Aggregation = 'max' | 'mean' | 'p50' | 'p90' | 'p99' | 'share';
export type SortBy = 'name' | 'worst' | 'breaches';

/** Which series are the pairs, and how they become one value per pair. */
export interface QueryOptions {
  preset: PresetChoice;
  /** Source label when preset is `custom`; several candidates may be given comma-separated, first non-empty wins. */
  sourceLabel: string;
  /** Destination label when preset is `custom`; comma-separated candidates as for sourceLabel. */
  destinationLabel: string;
  /** refId of the latency query; empty = the first refId in the response. */
  latencyRefId: string;
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
  /** Grafana reducer that turns a pair's time series into one value. */
  reducer: ReducerID;
  /** Unit the series arrive in; `auto` reads it from the metric name or preset. Values are converted to the field unit. */
  inputUnit: InputUnit;
  /** What a pair with no series in any query means: `auto` = no data, or OK for breach-only exporters. */
  missingMeans: MissingMeans;
}

/** How hosts are grouped and ordered. */
export interface GroupingOptions {
  /**
   * Grouping levels, outermost first, comma-separated: `region,dc,az,tor`. A level is read from the pair series as
   * `src_<level>`/`dst_<level>` (a bare `<level>` label counts for the source), or from the topology query; `zone=label_x`
   * names the level `zone` and reads label `label_x` from the topology query.
   */
  levels: string;
  /** The level the view starts collapsed at (e.g. `dc` for DC × DC); empty = the outermost level. */
  startLevel: string;
  /** More hosts than this are drawn as their groups (the deepest grouping level that fits); 0 = the hard limit. */
  maxHosts: number;
  /** Hosts first, in this order (comma-separated); the rest follow by the sort. */
  hostOrder: string;
  /** How a group × group cell summarises its pairs. */
  aggregation: Aggregation;
  /** Order within each level. */
  sortBy: SortBy;
  /** refIds of topology queries (e.g. kube_node_labels, kube_node_info); none = no topology query. */
  topologyRefIds: string[];
  /** Labels on the topology series that name the host (node name or IP), comma-separated. */
  topologyHostLabels: string;
}

export interface DisplayOptions {
  /** Show host names on the axes (only those that fit are drawn). */
  showAxisLabels: boolean;
  /** Axis labels without the prefix / domain suffix all hosts share (tooltips, search and links keep full names). */
  shortNames: boolean;
  /** One line above the matrix naming the likely culprit from the pattern of breaches. */
  showDiagnosis: boolean;
  /** A strip of the share of pairs over SLA across the time range (range queries); click or drag it to go back in time. */
  showTimeline: boolean;
  /** Outline cells whose status changed versus this long before the shown time (Grafana duration; empty = off). */
  changedSince: string;
  /** A search box above the matrix: find a host or group, highlight it on both axes and reveal it. */
  showSearch: boolean;
  /** Rows in the worst-pairs list beside the matrix; 0 = no list. */
  worstPairs: number;
  /** Cell colours: colour-blind-safe state colours, or Grafana's threshold colours. */
  palette: PaletteId;
}

/** How cells are judged. */
export interface SlaOptions {
  /** `auto` = per scope when grouped, else the field thresholds. */
  mode: SlaMode;
  /** Per-scope SLAs (latency ms, loss ratio). */
  scopes: Record<string, ScopeSla>;
  /** Loss thresholds (ratios) when not judging per scope. */
  lossWarn: number;
  lossBreach: number;
  /** Baseline mode: latency / baseline ratios for warning and over SLA. */
  baselineWarn: number;
  baselineBreach: number;
  /** A measured pair whose newest sample is older than this (Grafana duration, e.g. `2m`; empty = never) is stale. */
  staleAfter: string;
}

export interface DrillOptions {
  /** Dashboard variables the cell menu sets to the pair's source / destination (empty = no such action). */
  sourceVariable: string;
  destinationVariable: string;
}

/** What the model build takes: the queries and the grouping that shapes the model (not the view's order or level). */
export type ModelOptions = QueryOptions & ModelGrouping;
/** The grouping options that shape the model, as primitives (memo dependencies); topology refIds comma-separated. */
export type ModelGrouping = Pick<GroupingOptions, 'levels' | 'maxHosts' | 'topologyHostLabels'> & {
  topologyRefIds: string;
};

/** An option's place in the nested options, e.g. `grouping.levels`; a bare section name for a whole section. */
export type OptionPath = {
  [S in Section]: S | `${S}.${Extract<keyof PingmeshOptions[S], string>}`;
}[Section];

/** What an option value should have been. */
export type Expected =
  | { kind: 'section' }
  | { kind: 'text' }
  | { kind: 'refIds' }
  | { kind: 'switch' }
  | { kind: 'oneOf'; values: readonly string[] }
  | { kind: 'preset' }
  | { kind: 'reducer' }
  | { kind: 'wholeNumber'; min: number; max: number }
  | { kind: 'ratio' }
  | { kind: 'positive' }
  | { kind: 'duration' }
  | { kind: 'variable' }
  | { kind: 'scopes' };

/** Why one scope's SLA is unusable. */
export type ScopeProblem =
  | { kind: 'name' }
  | { kind: 'notTable' }
  | { kind: 'notNumber'; field: keyof ScopeSla; value: unknown }
  | { kind: 'negative'; field: keyof ScopeSla; value: number }
  | { kind: 'lossAbove1'; field: keyof ScopeSla; value: number }
  | { kind: 'warnAbove'; which: 'latency' | 'loss'; warn: number; breach: number };

/**
 * One option value the normaliser could not use, and what it used instead: structure only; text/options.ts says it.
 */
export type OptionNotice =
  | { kind: 'invalid'; path: OptionPath; value: unknown; expected: Expected; fallback: unknown }
  /** *Max hosts* above what the panel draws host by host: the limit is used. */
  | { kind: 'aboveLimit'; path: OptionPath; value: number; limit: number }
  /** A warning threshold above its SLA threshold: both defaults are used. */
  | {
      kind: 'warnAboveBreach';
      warn: { path: OptionPath; value: number; fallback: number };
      breach: { path: OptionPath; value: number; fallback: number };
    }
  /** One scope of *SLA per scope*: that scope's defaults are used. */
  | { kind: 'scope'; path: OptionPath; scope: string; problem: ScopeProblem };

export interface NormalizedOptions {
  options: PingmeshOptions;
  notices: OptionNotice[];
}
