// The measured value of every probed pair, with the fault applied, and the labels each exporter puts on a pair's
// series. Pure (no Grafana imports): the browser tests' OpenMetrics backfill uses it from Node.
import { Effect, Fault } from './faults';
import { Probing } from './probing';
import { MeshTopology, Rng } from './topology';

/** Exporter shapes: generic src/dst labels (ms), kube-network-monitor (source/target, seconds), kubeservice pingmesh-agent (breach-only). */
export type Exporter = 'custom' | 'kube-network-monitor' | 'pingmesh-agent';
/** How the topology reaches the panel: labels on the pair series, a topology query, or not at all. */
export type Delivery = 'labels' | 'query' | 'none';

/** kubeservice pingmesh-agent exports a duration only above its delay. */
export const AGENT_DELAY_MS = 200;

/** Healthy latency (ms) by how many levels a pair shares, under the default per-scope SLA of that depth. */
function baselineMs(shared: number, L: number, r: Rng): number {
  const fromInner = L - shared; // 0 = same rack … L = nothing shared
  const bands: Array<[number, number]> = [
    [0.1, 0.3],
    [0.3, 0.7],
    [0.6, 1.4],
    [2, 7],
    [30, 70],
  ];
  const [lo, hi] = bands[Math.min(bands.length - 1, fromInner)];
  return lo + (hi - lo) * r();
}

export interface Pair {
  s: number;
  d: number;
  latencyMs: number | null;
  loss: number;
  fail: boolean;
  /** The fault's effect on the pair, if any. */
  effect: 'fail' | 'slow' | 'loss' | null;
}

/** Every probed pair's values, with the fault applied. */
export function measure(topo: MeshTopology, probing: Probing, fault: Fault, rng: Rng): Pair[] {
  const n = topo.hosts.length;
  const L = topo.levels.length;
  const out: Pair[] = [];
  for (let s = 0; s < n; s++) {
    const a = topo.hosts[s].path;
    for (let d = 0; d < n; d++) {
      if (!probing.probes(s, d)) {
        continue;
      }
      const e: Effect | null = fault.effect(s, d);
      if (e?.kind === 'silent') {
        continue;
      }
      const b = topo.hosts[d].path;
      let shared = 0;
      while (shared < L && a[shared] === b[shared]) {
        shared++;
      }
      const base = baselineMs(shared, L, rng);
      const loss = 1e-5 + rng() * 4e-5;
      if (e?.kind === 'fail') {
        out.push({ s, d, latencyMs: null, loss: 1, fail: true, effect: 'fail' });
      } else if (e?.kind === 'slow') {
        out.push({ s, d, latencyMs: base + e.addMs, loss: e.loss, fail: false, effect: 'slow' });
      } else if (e?.kind === 'loss') {
        out.push({ s, d, latencyMs: base, loss: e.loss, fail: false, effect: 'loss' });
      } else {
        out.push({ s, d, latencyMs: base, loss, fail: false, effect: null });
      }
    }
  }
  return out;
}

/** What the agent measures: a slow path's TCP ping (retransmits on a lossy path) well above its delay; else as is. */
export const agentLatency = (p: Pair): number =>
  p.effect === 'slow' ? 250 + (p.latencyMs ?? 0) * 4 : (p.latencyMs ?? 0);

/** kubeservice pingmesh-agent: what it exports for a pair — a failure, a duration above its delay, or nothing. */
export function agentSample(
  p: Pair
): { metric: 'pingmesh_fail' | 'pingmesh_duration_milliseconds'; value: number } | undefined {
  // Dropped packets are failed pings to the agent; a slow path is a duration above its delay.
  if (p.effect === 'fail' || p.effect === 'loss') {
    return { metric: 'pingmesh_fail', value: 1 };
  }
  const ms = agentLatency(p);
  return ms > AGENT_DELAY_MS ? { metric: 'pingmesh_duration_milliseconds', value: ms } : undefined;
}

const withPort = (ip: string) => (ip.includes(':') ? `[${ip}]:9115` : `${ip}:9115`);

/** Source and destination label names of an exporter. */
export function endpointLabels(exporter: Exporter): [string, string] {
  return exporter === 'custom'
    ? ['src', 'dst']
    : exporter === 'kube-network-monitor'
      ? ['source', 'target']
      : ['instance', 'target'];
}

/**
 * The labels of a pair's series as the exporter (and the user's relabelling) writes them: its endpoint labels,
 * pingmesh-agent's scrape port and `tor` group, and `src_<level>` / `dst_<level>` when the topology rides on the series.
 */
export function pairLabels(
  topo: MeshTopology,
  exporter: Exporter,
  delivery: Delivery,
  s: number,
  d: number
): Record<string, string> {
  const [srcL, dstL] = endpointLabels(exporter);
  const a = topo.hosts[s];
  const b = topo.hosts[d];
  const out: Record<string, string> = {
    [srcL]: exporter === 'pingmesh-agent' ? withPort(a.name) : a.name,
    [dstL]: b.name,
  };
  if (exporter === 'pingmesh-agent') {
    out.tor = a.path[topo.levels.length - 1];
  }
  if (delivery === 'labels') {
    topo.levels.forEach((l, i) => {
      out[`src_${l}`] = a.path[i];
      out[`dst_${l}`] = b.path[i];
    });
  }
  return out;
}
