// Shared by the exporter shapes (shapeKubernetes.ts, shapeGoldpinger.ts, shapeRpingmesh.ts): formats, metric names,
// buckets, probe periods, label formatting and who probes whom. Pure: no Node or DOM APIs.
import { Source } from './exposition';
import { Histogram, ProbeClock, probeUnit } from './probe';
import { Scenario } from './scenarios';
import { Topology } from './topology';

export const SHAPE_FORMATS = [
  'kubenurse',
  'goldpinger',
  'goldpinger-udp',
  'goldpinger-passive',
  'goldpinger-no-topology',
  'rpingmesh',
] as const;
export type ShapeFormat = (typeof SHAPE_FORMATS)[number];

export function isShapeFormat(s: string): s is ShapeFormat {
  return (SHAPE_FORMATS as readonly string[]).includes(s);
}

/** How long the exporters have been running when a backfill starts: counters and histograms are not at zero. */
export const EXPORTER_UPTIME_MS = 10 * 60_000;

/** Buckets as the exporters declare them (client_golang / VictoriaMetrics / OTel explicit boundaries). */
export const BUCKETS = {
  /** VictoriaMetrics' PrometheusHistogramDefaultBuckets (kubenurse without KUBENURSE_HISTOGRAM_BUCKETS). */
  kubenurse: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  goldpinger: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  /** Assumed: the first UDP PR's millisecond buckets in seconds (the final stats.go was not in the sources read). */
  goldpingerUdp: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  /** R-Pingmesh's rttBucketBoundaries, nanoseconds. */
  rpingmesh: [100, 500, 1e3, 5e3, 1e4, 5e4, 1e5, 5e5, 1e6, 5e6, 1e7],
} as const;

export const METRICS = {
  kubenurseDuration: 'kubenurse_httpclient_request_duration_seconds',
  kubenurseRequests: 'kubenurse_httpclient_requests_total',
  kubenurseErrors: 'kubenurse_errors_total',
  goldpingerResponse: 'goldpinger_peers_response_time_s',
  goldpingerLoss: 'goldpinger_peers_loss_pct',
  goldpingerUdpRtt: 'goldpinger_peers_udp_rtt_s',
  goldpingerHops: 'goldpinger_peers_hop_count',
  goldpingerMode: 'goldpinger_node_mode',
  rpingmeshRtt: 'rpingmesh_network_rtt_ns',
  rpingmeshTotal: 'rpingmesh_probe_total',
  rpingmeshSuccess: 'rpingmesh_probe_success_total',
  rpingmeshFailed: 'rpingmesh_probe_failed_total',
  nodeInfo: 'kube_node_info',
  nodeLabels: 'kube_node_labels',
  podInfo: 'kube_pod_info',
} as const;

/** Probe periods: kubenurse KUBENURSE_CHECK_INTERVAL 5s, Goldpinger REFRESH_INTERVAL 30s; R-Pingmesh in 5 s batches. */
export const PERIOD_MS = { kubenurse: 5_000, goldpinger: 30_000, rpingmesh: 5_000 };
/** Goldpinger's PING_TIMEOUT (300ms) and UDP_TIMEOUT (1s), UDP_PACKET_COUNT 10. */
export const GOLDPINGER_TIMEOUT_MS = 300;
export const UDP_TIMEOUT_MS = 1000;
export const UDP_PACKETS = 10;
/** R-Pingmesh probes per second per target: ToR-mesh 10, inter-ToR 1 (agent.yaml defaults). */
export const RDMA_RATE = { torMesh: 10, interTor: 1 };
/** Share of Goldpinger nodes that are active in `goldpinger-passive` (ACTIVE_NODE_PERCENTAGE). */
export const ACTIVE_NODE_PERCENTAGE = 50;

/** kubenurse's other request types: latency band (ms), never failing here. */
export const KUBENURSE_OTHER_CHECKS: Record<string, readonly [number, number]> = {
  api_server_direct: [2, 6],
  api_server_dns: [3, 8],
  me_ingress: [4, 12],
  me_service: [1, 3],
};

export interface ShapeOptions {
  topo: Topology;
  scenario: Scenario;
  format: ShapeFormat;
  /** Exporter start: probes run from here (a backfill's start minus EXPORTER_UPTIME_MS). */
  originMs: number;
  /** End of the backfill for Scenario.lastSampleMs; undefined = live. */
  endMs: number | undefined;
}

export const q = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
export const labels = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `${k}="${q(v)}"`).join(',');
export const le = (bounds: readonly number[]) => bounds.map((b) => String(b));
export const phase = (seed: number, s: number, d: number, period: number) =>
  Math.floor(probeUnit(seed, s, d, 0, 7) * period);

/** Who probes whom: the scenario's sparse mesh when it has one (sla-mix), else the exporter's own. */
export function probesOf(o: ShapeOptions, own: (s: number, d: number) => boolean) {
  const p = o.scenario.probed;
  return (s: number, d: number) => (p && s !== d ? p(s, d) : own(s, d));
}

export function lastMs(o: ShapeOptions, s: number, d: number): number {
  return o.scenario.lastSampleMs ? o.scenario.lastSampleMs(s, d, o.endMs) : Infinity;
}

/** The host's own series (node mode, kubenurse's other checks) stop with its agent (sla-mix's stale host). */
export function hostLastMs(o: ShapeOptions, s: number): number {
  return lastMs(o, s, s);
}

export interface HttpState {
  clock: ProbeClock;
  hist: Histogram;
  ok: number;
  failed: number;
}

export function httpState(o: ShapeOptions, s: number, d: number, period: number, bounds: readonly number[]): HttpState {
  return {
    clock: new ProbeClock(o.originMs, period, phase(o.scenario.seed, s, d, period)),
    hist: new Histogram(bounds),
    ok: 0,
    failed: 0,
  };
}

export function constant(key: string, l: string, value: number, last = Infinity): Source<null> {
  return { key, labels: l, lastMs: last, create: () => null, read: () => value };
}

/** kube-state-metrics: nodes with their IPs and topology labels, and the exporter's DaemonSet pods. */
