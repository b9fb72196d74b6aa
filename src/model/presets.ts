import { t } from '@grafana/i18n';

import { InputUnit } from '../types';

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
}

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

export function findPreset(id: string): ExporterPreset | undefined {
  return PRESETS.find((p) => p.id === id);
}

export interface LabelMapping {
  source: string[];
  destination: string[];
  /** The preset the mapping came from, if any. */
  preset?: ExporterPreset;
}

export type DetectResult = { mapping: LabelMapping; detected: boolean } | { ambiguous: ExporterPreset[] };

const sameLabels = (a: ExporterPreset, b: ExporterPreset) =>
  a.source.join() === b.source.join() && a.destination.join() === b.destination.join();

/**
 * Picks the preset whose labels are present. Presets that share label names (ping_exporter and
 * kube-network-monitor both use source/target) are told apart by metric name; when the metric name is
 * gone (aggregated queries) they map the same labels anyway, so the first one is as good as any.
 */
export function detectPreset(labelsSeen: Set<string>, metricNames: Set<string>): DetectResult | undefined {
  const named = (p: ExporterPreset) => [...metricNames].some((m) => p.metrics.test(m));
  const fits = PRESETS.filter(
    (p) =>
      p.source.some((l) => labelsSeen.has(l)) &&
      p.destination.some((l) => labelsSeen.has(l)) &&
      (!p.byMetricOnly || named(p))
  );
  if (fits.length === 0) {
    return undefined;
  }
  const byMetric = fits.filter(named);
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
