import { t } from '@grafana/i18n';

import { InputUnit } from '../options/types';
import { ScopeSla } from './sla';

/**
 * Label conventions of the pingmesh exporters we know (see README "Presets").
 * `source`/`destination` list candidate labels: the first one with a non-empty value on a series wins
 * (smokeping_prober's `source` may be empty, then `instance` is the prober).
 */
export interface ExporterPreset {
  id: string;
  name: string;
  source: string[];
  destination: string[];
  /** Metric names this exporter emits; used to tell presets with the same labels apart. */
  metrics: RegExp;
  /** Unit of the latency metric as exported; absent when the convention does not fix one. */
  unit?: Exclude<InputUnit, 'auto'>;
  /** Its loss metric is in percent (0–100): a loss series without a metric name is read as percent. */
  lossPercent?: boolean;
  /** Example PromQL for the latency matrix (instant, table format). */
  query: string;
  /** Exports a pair only when it is slow or failing (a missing pair is healthy). */
  breachOnly?: boolean;
  /** Detected only by its metric name: its labels also sit on other presets' series. */
  byMetricOnly?: boolean;
  /**
   * The destination label's values carry this prefix before the host (kubenurse's `type="path_<node>"`): other values
   * are not pair checks and are skipped; the host is the rest. Also detects the preset when its metric name is gone.
   */
  destinationPrefix?: string;
  /** The *Source label* option's labels come first (the source is a scrape label whose name the user chose). */
  sourceConfigurable?: boolean;
  /** What a pair with no series means with *A pair with no series is: Auto*: not probed for sparse meshes. */
  missing?: 'noData' | 'notProbed' | 'ok';
  /**
   * Other labels on the pair series that name the same hosts (a source's scrape `instance` IP, a destination's
   * `pod_ip`): names and IPs are joined through them, so one host is one row and one column.
   */
  sameHost?: { source: string[]; destination: string[] };
  /** A gauge saying whether each node probes at all (0 = passive: its row is not probed, not "no data"). */
  passive?: { metric: RegExp; host: string[] };
  /** The latency histogram's default bucket bounds, in `unit` (for the resolution notice when the query hides `le`). */
  buckets?: number[];
  /** Default SLAs per scope (latency in ms, loss as ratios), for scopes still at the built-in defaults. */
  sla?: Record<string, ScopeSla>;
  /**
   * Thresholds mode (no *Group by*: one SLA for every pair): latency (ms) used while the Thresholds field option is the
   * plugin's default, loss (ratios) while *Loss warning* / *Loss over SLA* are the built-in defaults.
   */
  thresholds?: { warn: number; breach: number; lossWarn?: number; lossBreach?: number };
}

/** Prometheus client libraries' default histogram buckets, in seconds (kubenurse uses them unless configured). */
const PROMETHEUS_DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * HTTP pingers (Goldpinger, kubenurse) measure a whole HTTP request — milliseconds, not the Pingmesh paper's sub-ms TCP
 * pings — through buckets of 5 ms and more. Every threshold sits on a default bucket bound (10, 25, 50, 100, 250,
 * 500 ms), so a quantile can tell the states apart and a healthy mesh looks healthy.
 */
const HTTP_SLAS: Record<string, ScopeSla> = {
  'same-tor': { latencyWarn: 10, latencyBreach: 25, lossWarn: 1e-4, lossBreach: 1e-3 },
  'cross-tor': { latencyWarn: 10, latencyBreach: 25, lossWarn: 1e-4, lossBreach: 1e-3 },
  'cross-az': { latencyWarn: 25, latencyBreach: 50, lossWarn: 1e-4, lossBreach: 1e-3 },
  'cross-dc': { latencyWarn: 50, latencyBreach: 100, lossWarn: 1e-4, lossBreach: 1e-3 },
  'cross-region': { latencyWarn: 250, latencyBreach: 500, lossWarn: 1e-4, lossBreach: 1e-3 },
};

/**
 * Loss between ToRs, as R-Pingmesh can measure it: its inter-ToR probes go at 1/s per agent and target ToR, so a ToR
 * pair gets a few thousand in a 5-minute rate window (1,200 with 4 hosts per ToR) and one lost probe alone reads
 * 2e-4 … 8e-4. A warning needs more than one; inside a ToR (10/s to every neighbour) 1e-4 is measurable.
 */
const RDMA_INTER_TOR_LOSS = { lossWarn: 1e-3, lossBreach: 1e-2 };

/**
 * RDMA round trips are microseconds (R-Pingmesh's analyzer flags a p99 over 500 µs). Bounds of its histogram:
 * 100 ns … 10 ms; every threshold sits on one.
 */
const RDMA_SLAS: Record<string, ScopeSla> = {
  'same-tor': { latencyWarn: 0.1, latencyBreach: 0.5, lossWarn: 1e-4, lossBreach: 1e-3 },
  'cross-tor': { latencyWarn: 0.1, latencyBreach: 0.5, ...RDMA_INTER_TOR_LOSS },
  'cross-az': { latencyWarn: 0.5, latencyBreach: 1, ...RDMA_INTER_TOR_LOSS },
  'cross-dc': { latencyWarn: 1, latencyBreach: 5, ...RDMA_INTER_TOR_LOSS },
  'cross-region': { latencyWarn: 5, latencyBreach: 10, ...RDMA_INTER_TOR_LOSS },
};

/**
 * Without *Group by* one SLA judges every ToR pair, and R-Pingmesh probes every ToR of its RoCE fabric, which may span
 * the DCs of a region (a metro link: 0.2–0.5 ms, read through the 0.5–1 ms bucket): the cross-DC SLA, so a healthy
 * fabric is healthy. Group the ToRs (a topology query) for the tighter SLAs inside a DC.
 */
const RDMA_THRESHOLDS = {
  warn: RDMA_SLAS['cross-dc'].latencyWarn,
  breach: RDMA_SLAS['cross-dc'].latencyBreach,
  ...RDMA_INTER_TOR_LOSS,
};

const GOLDPINGER_PASSIVE = { metric: /^goldpinger_node_mode$/, host: ['goldpinger_instance', 'instance'] };
const GOLDPINGER_SAME_HOST = { source: ['instance'], destination: ['pod_ip', 'host_ip'] };

export const PRESETS: ExporterPreset[] = [
  {
    id: 'pingmesh-agent',
    name: 'kubeservice pingmesh-agent',
    breachOnly: true,
    source: ['instance'],
    destination: ['target'],
    metrics: /^pingmesh_(duration_milliseconds|fail)$/,
    unit: 'ms',
    query: 'max by (instance, target) (pingmesh_duration_milliseconds)',
  },
  {
    id: 'goldpinger',
    name: 'Goldpinger',
    source: ['goldpinger_instance'],
    destination: ['host_ip', 'pod_ip'],
    metrics: /^goldpinger_peers_response_time_s/,
    unit: 's',
    query:
      'histogram_quantile(0.99, sum by (le, goldpinger_instance, host_ip) (rate(goldpinger_peers_response_time_s_bucket{call_type="ping"}[5m])))',
    sameHost: GOLDPINGER_SAME_HOST,
    passive: GOLDPINGER_PASSIVE,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    sla: HTTP_SLAS,
  },
  {
    id: 'goldpinger-udp',
    name: 'Goldpinger UDP probe',
    source: ['goldpinger_instance'],
    destination: ['host_ip', 'pod_ip'],
    metrics: /^goldpinger_(peers_(udp_rtt_s|loss_pct|hop_count)|udp_)/,
    unit: 's',
    lossPercent: true,
    // Its loss gauge is the newest round of a few packets (10 by default): one lost packet reads 10 %. A single loss
    // on a healthy mesh warns; two in one round are over SLA. Latency keeps the plugin's default thresholds.
    thresholds: { warn: 10, breach: 100, lossWarn: 0.1, lossBreach: 0.2 },
    query:
      'histogram_quantile(0.99, sum by (le, goldpinger_instance, host_ip, pod_ip) (rate(goldpinger_peers_udp_rtt_s_bucket[5m])))',
    sameHost: GOLDPINGER_SAME_HOST,
    passive: GOLDPINGER_PASSIVE,
  },
  {
    id: 'kubenurse',
    name: 'kubenurse',
    source: ['node', 'nodename', 'node_name', 'kubernetes_pod_node_name', 'kubernetes_node'],
    destination: ['type'],
    destinationPrefix: 'path_',
    sourceConfigurable: true,
    metrics: /^kubenurse_/,
    unit: 's',
    missing: 'notProbed',
    query:
      'histogram_quantile(0.99, sum by (le, node, type) (rate(kubenurse_httpclient_request_duration_seconds_bucket{type=~"path_.+"}[5m])))',
    buckets: PROMETHEUS_DEFAULT_BUCKETS,
    sla: HTTP_SLAS,
  },
  {
    id: 'rpingmesh',
    name: 'R-Pingmesh (ToR × ToR)',
    source: ['source_tor'],
    destination: ['target_tor'],
    metrics: /^rpingmesh[._]/,
    unit: 'ns',
    query: 'histogram_quantile(0.99, sum by (le, source_tor, target_tor) (rate(rpingmesh_network_rtt_ns_bucket[5m])))',
    buckets: [100, 500, 1_000, 5_000, 10_000, 50_000, 100_000, 500_000, 1_000_000, 5_000_000, 10_000_000],
    sla: RDMA_SLAS,
    thresholds: RDMA_THRESHOLDS,
  },
  {
    id: 'kube-network-monitor',
    name: 'kube-network-monitor',
    source: ['source'],
    destination: ['target'],
    metrics: /^network_monitor_/,
    unit: 's',
    query: 'histogram_quantile(0.99, sum by (le, source, target) (rate(network_monitor_latency_bucket[5m])))',
  },
  {
    id: 'smokeping',
    name: 'smokeping_prober',
    source: ['source', 'instance'],
    destination: ['host', 'ip'],
    metrics: /^smokeping_/,
    unit: 's',
    query:
      'histogram_quantile(0.99, sum by (le, instance, host) (rate(smokeping_response_duration_seconds_bucket[5m])))',
  },
  {
    id: 'ping-exporter',
    name: 'ping_exporter (czerwonk), source label added at scrape',
    source: ['source'],
    destination: ['target'],
    metrics: /^ping_(rtt|loss)/,
    unit: 's',
    query: 'max by (source, target) (ping_rtt_mean_seconds)',
  },
  {
    id: 'blackbox-icmp',
    name: 'blackbox_exporter ICMP, source label added at scrape',
    source: ['source'],
    destination: ['instance'],
    metrics: /^probe_icmp_duration_seconds$/,
    unit: 's',
    query: 'max by (source, instance) (probe_icmp_duration_seconds{phase="rtt"})',
  },
  {
    id: 'tor-rules',
    name: 'Recording rules, ToR × ToR (rules/pingmesh.rules.yml)',
    source: ['src_tor'],
    destination: ['dst_tor'],
    metrics: /^tor_pair:pingmesh_pair_latency_seconds:/,
    unit: 's',
    query: 'tor_pair:pingmesh_pair_latency_seconds:max',
    byMetricOnly: true,
  },
  {
    id: 'topology',
    name: 'Generic src/dst labels (Pingmesh simulator, recording rules)',
    source: ['src'],
    destination: ['dst'],
    metrics: /^pingmesh_pair_/,
    query: 'pingmesh_pair_latency_seconds',
  },
];

/**
 * The preset's name as shown in the UI, translated. `name` stays the English name (it is data: tests and
 * `mapping.presetName` compare it); proper names (exporter names) are the same in every language.
 */
export function presetLabel(p: ExporterPreset): string {
  switch (p.id) {
    case 'ping-exporter':
      return t('presets.ping-exporter.name', 'ping_exporter (czerwonk), source label added at scrape');
    case 'blackbox-icmp':
      return t('presets.blackbox-icmp.name', 'blackbox_exporter ICMP, source label added at scrape');
    case 'tor-rules':
      return t('presets.tor-rules.name', 'Recording rules, ToR × ToR (rules/pingmesh.rules.yml)');
    case 'topology':
      return t('presets.topology.name', 'Generic src/dst labels (Pingmesh simulator, recording rules)');
    default:
      return p.name;
  }
}

/** What to do when the preset's source label is on no series (the message names the labels it looked for). */
export function presetSourceHint(p: ExporterPreset): string {
  switch (p.id) {
    case 'kubenurse':
      return t(
        'presets.kubenurse.source-hint',
        'add the pod’s node name at scrape time (relabel __meta_kubernetes_pod_node_name to node), or name your label under Source label'
      );
    default:
      return t('presets.source-hint', 'add one at scrape time');
  }
}

export function findPreset(id: string): ExporterPreset | undefined {
  return PRESETS.find((p) => p.id === id);
}

export interface LabelMapping {
  source: string[];
  destination: string[];
  /** The preset the mapping came from, if any. */
  preset?: ExporterPreset;
}

export type DetectResult =
  | { mapping: LabelMapping; detected: boolean }
  | { ambiguous: ExporterPreset[] }
  /** The exporter is recognised (metric name, destination values) but its source label is on no series. */
  | { noSource: ExporterPreset };

const sameLabels = (a: ExporterPreset, b: ExporterPreset) =>
  a.source.join() === b.source.join() && a.destination.join() === b.destination.join();

/**
 * Picks the preset whose labels are present. Presets that share label names (ping_exporter and
 * kube-network-monitor both use source/target) are told apart by metric name; when the metric name is
 * gone (aggregated queries) they map the same labels anyway, so the first one is as good as any. A preset with a
 * destination prefix (kubenurse's `type="path_<node>"`) is recognised by its values too.
 */
export function detectPreset(
  labelsSeen: Set<string>,
  metricNames: Set<string>,
  prefixSeen: (label: string, prefix: string) => boolean = () => false
): DetectResult | undefined {
  const named = (p: ExporterPreset) => [...metricNames].some((m) => p.metrics.test(m));
  const signed = (p: ExporterPreset) =>
    p.destinationPrefix !== undefined && p.destination.some((l) => prefixSeen(l, p.destinationPrefix!));
  const destinationFits = (p: ExporterPreset) =>
    p.destination.some((l) => labelsSeen.has(l)) &&
    (!p.byMetricOnly || named(p)) &&
    (p.destinationPrefix === undefined || named(p) || signed(p));
  const fits = PRESETS.filter((p) => p.source.some((l) => labelsSeen.has(l)) && destinationFits(p));
  if (fits.length === 0) {
    const recognised = PRESETS.find((p) => p.destinationPrefix !== undefined && destinationFits(p));
    return recognised ? { noSource: recognised } : undefined;
  }
  const byMetric = fits.filter((p) => named(p) || signed(p));
  const candidates = byMetric.length > 0 ? byMetric : fits;
  const first = candidates[0];
  if (candidates.every((p) => sameLabels(p, first))) {
    return { mapping: { source: first.source, destination: first.destination, preset: first }, detected: true };
  }
  return { ambiguous: candidates };
}

export function splitLabels(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
