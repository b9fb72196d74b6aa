// A generated scenario as an OpenMetrics backfill for a real Prometheus (browser tests): each pair's series as its
// exporter writes it, constant over the range, plus a kube_node_labels-like topology series per node. Pure.
import { formatLabels } from '../openmetrics';
import { Delivery, agentSample, pairLabels } from './pairs';
import { MeshScenario } from './scenario';

export interface MeshOpenMetricsOptions {
  delivery: Delivery;
  endMs: number;
  minutes: number;
  stepSeconds: number;
}

interface Series {
  labels: Record<string, string>;
  value: number;
}

/** Metric families and their series, in the exporter's names. */
export function meshSeries(s: MeshScenario, delivery: Delivery): Map<string, Series[]> {
  const out = new Map<string, Series[]>();
  const add = (metric: string, labels: Record<string, string>, value: number) =>
    (out.get(metric) ?? out.set(metric, []).get(metric)!).push({ labels, value });
  for (const p of s.pairs) {
    const labels = pairLabels(s.topo, s.exporter, delivery, p.s, p.d);
    if (s.exporter === 'pingmesh-agent') {
      const sample = agentSample(p);
      if (sample) {
        add(sample.metric, labels, sample.value);
      }
      continue;
    }
    if (p.latencyMs !== null) {
      add('pingmesh_pair_latency_milliseconds', labels, p.latencyMs);
    }
    add('pingmesh_pair_loss_ratio', labels, p.loss);
    if (p.fail) {
      add('pingmesh_pair_fail', labels, 1);
    }
  }
  if (delivery === 'query') {
    for (const h of s.topo.hosts) {
      const labels: Record<string, string> = { node: h.name === h.ip ? h.node : h.name };
      if (h.name === h.ip) {
        labels.internal_ip = h.ip;
      }
      s.topo.levels.forEach((l, i) => (labels[`label_${l}`] = h.path[i]));
      add('kube_node_labels', labels, 1);
    }
  }
  return out;
}

export function meshOpenMetrics(s: MeshScenario, o: MeshOpenMetricsOptions): string {
  const end = Math.floor(o.endMs / 1000);
  const count = Math.floor((o.minutes * 60) / o.stepSeconds);
  const times = Array.from({ length: count + 1 }, (_, i) => end - (count - i) * o.stepSeconds);
  const lines: string[] = [];
  for (const [metric, series] of meshSeries(s, o.delivery)) {
    lines.push(`# TYPE ${metric} gauge`);
    for (const x of series) {
      const labels = formatLabels(Object.entries(x.labels));
      for (const t of times) {
        lines.push(`${metric}${labels} ${x.value} ${t}`);
      }
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}
