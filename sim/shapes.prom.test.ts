// Integration: exporter-shaped backfills in a real Prometheus (Debian `prometheus` + `promtool`), read with the
// README cookbook's PromQL. Fails with the install command when the tools are missing (no silent skip).
import fs from 'fs';
import path from 'path';

import { httpGet } from './http';
import { podIp } from './k8s';
import { GeneratedFile, PrometheusHandle, checkPrometheusTools, generateScenarioFile, startPrometheus } from './prom';
import { ScenarioName } from './scenarios';
import { ShapeFormat } from './shapes';
import { startSimServer } from './server';

jest.setTimeout(120_000);

async function query(prom: PrometheusHandle, q: string, atMs: number) {
  const res = await httpGet(`${prom.url}/api/v1/query?query=${encodeURIComponent(q)}&time=${atMs / 1000}`);
  const body = JSON.parse(res.body) as {
    data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
  };
  return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
}

async function withProm<T>(
  format: ShapeFormat,
  scenario: ScenarioName,
  fn: (prom: PrometheusHandle, gen: GeneratedFile) => Promise<T>
) {
  const gen = generateScenarioFile({ scenario, seed: 1, hosts: 16, minutes: 10, format });
  const prom = await startPrometheus({ openMetricsFiles: [gen.file] });
  try {
    return await fn(prom, gen);
  } finally {
    await prom.stop();
    fs.rmSync(path.dirname(gen.file), { recursive: true, force: true });
  }
}

beforeAll(async () => {
  await checkPrometheusTools();
});

const torOfNode = (gen: GeneratedFile, name: string) => gen.topo.hosts.find((h) => h.name === name)!.tor;
const culprit = (gen: GeneratedFile) => (gen.info.culprit.kind === 'tor' ? gen.info.culprit.id : '');

it('kubenurse: p99 per node pair from type="path_<node>", milliseconds when healthy; a ToR down errors its paths', async () => {
  const p99 =
    'histogram_quantile(0.99, sum by (le, node, type) (rate(kubenurse_httpclient_request_duration_seconds_bucket{type=~"path_.*"}[5m])))';
  await withProm('kubenurse', 'healthy', async (prom, gen) => {
    const r = await query(prom, p99, gen.toMs);
    expect(r).toHaveLength(16 * 10);
    // 1 region, 2 DCs: inside a DC the 5 ms bucket (p99 ≈ 4.95 ms), across DCs the 10 ms one.
    expect(Math.max(...r.map((x) => x.value))).toBeLessThan(0.01);
    expect(await query(prom, 'count(kubenurse_errors_total)', gen.toMs)).toEqual([]);
  });
  await withProm('kubenurse', 'tor-down', async (prom, gen) => {
    const errors = await query(
      prom,
      'sum by (node, type) (rate(kubenurse_httpclient_requests_total{code="round_trip_error",type=~"path_.*"}[5m])) > 0',
      gen.toMs
    );
    expect(errors.length).toBeGreaterThan(0);
    const c = culprit(gen);
    expect(
      errors.every((e) => torOfNode(gen, e.metric.node) === c || torOfNode(gen, e.metric.type.slice(5)) === c)
    ).toBe(true);
  });
});

it('Goldpinger UDP: loss percent only on the failed ToR’s pairs, kube_node_info beside; R-Pingmesh: ToR × ToR p99 and loss from the counters', async () => {
  await withProm('goldpinger-udp', 'tor-down', async (prom, gen) => {
    const loss = await query(
      prom,
      'max by (goldpinger_instance, pod_ip) (max_over_time(goldpinger_peers_loss_pct[5m]))',
      gen.toMs
    );
    expect(loss).toHaveLength(16 * 16);
    const c = culprit(gen);
    const torOfPod = (ip: string) =>
      gen.topo.hosts[gen.topo.hosts.findIndex((_, i) => podIp(i, 'goldpinger') === ip)].tor;
    const lossy = loss.filter((l) => l.value > 0);
    expect(lossy.length).toBeGreaterThan(0);
    expect(
      lossy.filter((l) => torOfNode(gen, l.metric.goldpinger_instance) !== c && torOfPod(l.metric.pod_ip) !== c)
    ).toEqual([]);
    const topology = await query(prom, 'count(kube_node_info)', gen.toMs);
    expect(topology[0].value).toBe(16);
  });
  await withProm('rpingmesh', 'healthy', async (prom, gen) => {
    const p99 = await query(
      prom,
      'histogram_quantile(0.99, sum by (le, source_tor, target_tor) (rate(rpingmesh_network_rtt_ns_bucket[5m])))',
      gen.toMs
    );
    expect(p99).toHaveLength(4 * 4);
    // ToR-mesh p99 reads the 1–5 µs bucket.
    for (const x of p99.filter((v) => v.metric.source_tor === v.metric.target_tor)) {
      expect(x.value).toBeLessThan(5000);
    }
    const loss = await query(
      prom,
      '1 - sum by (source_tor, target_tor) (rate(rpingmesh_probe_success_total[5m])) / sum by (source_tor, target_tor) (rate(rpingmesh_probe_total[5m]))',
      gen.toMs
    );
    expect(Math.max(...loss.map((l) => l.value))).toBeLessThan(1e-3);
  });
});

it('live: a scraped simulator continues the backfilled counters (same series, rates stay sane)', async () => {
  const gen = generateScenarioFile({ scenario: 'healthy', seed: 2, hosts: 16, minutes: 5, format: 'kubenurse' });
  const sim = await startSimServer({
    topo: gen.topo,
    scenario: gen.scenario,
    format: 'kubenurse',
    originMs: gen.originMs,
  });
  const prom = await startPrometheus({ openMetricsFiles: [gen.file], scrapeTargets: [sim.url], scrapeInterval: '1s' });
  try {
    await new Promise((r) => setTimeout(r, 3500));
    const now = Date.now();
    const series = await query(prom, 'count(kubenurse_httpclient_requests_total)', now);
    expect(series[0].value).toBe(16 * 14);
    // A reset or a doubled series would show as a rate far from one request per 5 s.
    const rate = await query(prom, 'max(rate(kubenurse_httpclient_requests_total[2m]))', now);
    expect(rate[0].value).toBeGreaterThan(0.1);
    expect(rate[0].value).toBeLessThan(0.4);
  } finally {
    await prom.stop();
    await sim.close();
    fs.rmSync(path.dirname(gen.file), { recursive: true, force: true });
  }
});
