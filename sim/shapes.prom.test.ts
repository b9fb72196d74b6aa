// Integration: exporter-shaped backfills in a real Prometheus (Debian `prometheus` + `promtool`), read with the
// queries of the provisioned preset dashboards (tests/grafana/provisioning.ts) — the README cookbook's PromQL.
// Fails with the install command when the tools are missing (no silent skip).
import fs from 'fs';
import path from 'path';

import { dashboards } from '../tests/grafana/provisioning';
import { httpGet } from './http';
import { podIp } from './k8s';
import {
  GeneratedFile,
  PrometheusHandle,
  checkPrometheusTools,
  generateScenarioFile,
  startPrometheus,
  until,
} from './prom';
import { ScenarioName } from './scenarios';
import { ShapeFormat } from './shapes';
import { startSimServer } from './server';

jest.setTimeout(180_000);

interface Row {
  metric: Record<string, string>;
  value: number;
}

async function query(prom: PrometheusHandle, q: string, atMs: number): Promise<Row[]> {
  const res = await httpGet(`${prom.url}/api/v1/query?query=${encodeURIComponent(q)}&time=${atMs / 1000}`);
  const body = JSON.parse(res.body) as {
    status: string;
    error?: string;
    data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
  };
  if (body.status !== 'success') {
    throw new Error(`${q}: ${body.error}`);
  }
  return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
}

/** The provisioned dashboard's queries by refId (its pingmesh panel). */
function dashboardQueries(file: string): Record<string, string> {
  const d = dashboards()[file] as { panels: Array<{ type: string; targets?: Array<{ refId: string; expr: string }> }> };
  const panel = d.panels.find((p) => p.type === 'netobs-pingmesh-panel')!;
  return Object.fromEntries(panel.targets!.map((t) => [t.refId, t.expr]));
}

async function withProm(
  format: ShapeFormat,
  scenario: ScenarioName,
  minutes: number,
  fn: (run: (q: string) => Promise<Row[]>, gen: GeneratedFile) => Promise<void>
) {
  const gen = generateScenarioFile({ scenario, seed: 1, hosts: 16, minutes, format });
  const prom = await startPrometheus({ openMetricsFiles: [gen.file] });
  try {
    await fn((q) => query(prom, q, gen.toMs), gen);
  } finally {
    await prom.stop();
    fs.rmSync(path.dirname(gen.file), { recursive: true, force: true });
  }
}

beforeAll(async () => {
  await checkPrometheusTools();
});

const torOf = (gen: GeneratedFile, name: string) => gen.topo.hosts.find((h) => h.name === name)!.tor;
const torOfPod = (gen: GeneratedFile, ip: string) =>
  gen.topo.hosts[gen.topo.hosts.findIndex((_, i) => podIp(i, 'goldpinger') === ip)].tor;

it('kubenurse dashboard: p99 per checked pair in ms, loss 0, topology per node; sla-mix’s never-answering pair has loss 1', async () => {
  const q = dashboardQueries('preset-kubenurse.json');
  await withProm('kubenurse', 'healthy', 10, async (run) => {
    const p99 = await run(q.A);
    expect(p99).toHaveLength(16 * 10);
    // 1 region, 2 DCs: inside a DC the 5 ms bucket (p99 ≈ 4.95 ms), across DCs the 10 ms one.
    expect(Math.max(...p99.map((x) => x.value))).toBeLessThan(0.01);
    expect((await run(q.B)).map((x) => x.value)).toEqual(new Array(16 * 10).fill(0));
    expect(await run(q.C)).toHaveLength(16);
  });
  await withProm('kubenurse', 'sla-mix', 25, async (run, gen) => {
    const f = gen.info.culprit.kind === 'sla-mix' ? gen.info.culprit : undefined;
    const loss = await run(q.B);
    // The dead pair stopped 20 minutes ago: no rate. The failed one only has code="round_trip_error" counts.
    expect(loss).toHaveLength(f!.probedPairs - 1);
    const failed = loss.filter((l) => l.value > 0);
    expect(failed.map((l) => [l.metric.node, l.metric.type, l.value])).toEqual([
      [f!.failed[0].src, `path_${f!.failed[0].dst}`, 1],
    ]);
  });
});

it('Goldpinger dashboards: every pod pinged (self too), UDP loss in % only on the failed ToR’s pairs, topology and node mode beside', async () => {
  const udp = dashboardQueries('preset-goldpinger-udp.json');
  const ping = dashboardQueries('preset-goldpinger.json');
  const bare = dashboardQueries('preset-goldpinger-no-topology.json');
  await withProm('goldpinger-udp', 'tor-down', 10, async (run, gen) => {
    expect(await run(udp.A)).toHaveLength(16 * 16);
    expect(await run(ping.A)).toHaveLength(16 * 16);
    const joined = await run(bare.A);
    expect(joined).toHaveLength(16 * 16);
    expect(joined.every((r) => r.metric.instance && r.metric.pod_ip && r.metric.goldpinger_instance)).toBe(true);
    const c = gen.info.culprit.kind === 'tor' ? gen.info.culprit.id : '';
    const loss = await run(udp.B);
    expect(loss).toHaveLength(16 * 16);
    expect(loss.every((l) => l.metric.__name__ === 'goldpinger_peers_loss_pct' && l.value >= 0 && l.value <= 100)).toBe(
      true
    );
    const lossy = loss.filter((l) => l.value > 0);
    expect(lossy.length).toBeGreaterThan(0);
    expect(
      lossy.filter((l) => torOf(gen, l.metric.goldpinger_instance) !== c && torOfPod(gen, l.metric.pod_ip) !== c)
    ).toEqual([]);
    expect(await run(udp.C)).toHaveLength(16);
    expect(await run(udp.D)).toHaveLength(16);
    expect((await run(udp.E)).map((r) => r.value)).toEqual(new Array(16).fill(1));
  });
});

it('R-Pingmesh dashboard: ToR × ToR p99 in microseconds inside a ToR, loss from the counters ~1e-4', async () => {
  const q = dashboardQueries('preset-rpingmesh.json');
  await withProm('rpingmesh', 'healthy', 10, async (run) => {
    const p99 = await run(q.A);
    expect(p99).toHaveLength(4 * 4);
    // ToR-mesh p99 reads the 1–5 µs bucket.
    expect(p99.filter((v) => v.metric.source_tor === v.metric.target_tor).every((x) => x.value < 5000)).toBe(true);
    const loss = await run(q.B);
    expect(loss).toHaveLength(16);
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
    // Three live scrapes of the simulator have landed after the backfill.
    await until('three scrapes of the simulator', async () => {
      const scrapes = await query(prom, 'count_over_time(up[1m])', Date.now());
      return (scrapes[0]?.value ?? 0) >= 3;
    });
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
