// Integration: rules/pingmesh.rules.yml evaluated by a real Prometheus scraping the live simulator (spine-loss).
// Unit tests with exact values are in rules/pingmesh.rules.test.yml (`promtool test rules`). Fails with the install command without prometheus.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { httpGet } from './http';
import { PrometheusHandle, startPrometheus } from './prom';
import { makeScenario } from './scenarios';
import { SimServer, startSimServer } from './server';
import { buildTopology } from './topology';

const RULES = path.join(__dirname, '..', 'rules', 'pingmesh.rules.yml');

// No silent skip: without prometheus and promtool, startPrometheus fails with the install command.

type Sample = { metric: Record<string, string>; value: [number, string] };

async function query(prom: PrometheusHandle, q: string): Promise<Sample[]> {
  const res = await httpGet(`${prom.url}/api/v1/query?query=${encodeURIComponent(q)}`);
  const body = JSON.parse(res.body) as { status: string; error?: string; data: { result: Sample[] } };
  if (body.status !== 'success') {
    throw new Error(`query ${q} failed: ${body.error}`);
  }
  return body.data.result;
}

/** src_dc -> value of the DC × DC diagonal cells (src_dc == dst_dc). */
function diagonal(samples: Sample[]): Map<string, number> {
  return new Map(
    samples.filter((s) => s.metric.src_dc === s.metric.dst_dc).map((s) => [s.metric.src_dc, Number(s.value[1])])
  );
}

it('ships the rule group at a 30s interval (the live test below shortens a copy)', () => {
  const text = fs.readFileSync(RULES, 'utf8');
  expect(text.match(/^ {4}interval: .*$/gm)).toEqual(['    interval: 30s']);
});

describe('recording rules on a live Prometheus', () => {
  jest.setTimeout(30_000);

  // 3 DCs × 1 AZ × 2 ToRs × 2 hosts = 12 hosts, 132 ordered pairs; 12 pairs inside each DC.
  const topo = buildTopology({ regions: 1, dcsPerRegion: 3, azsPerDc: 1, torsPerAz: 2, hostsPerTor: 2 });
  const scenario = makeScenario('spine-loss', topo, 1);
  let work = '';
  let sim: SimServer | undefined;
  let prom: PrometheusHandle | undefined;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'pingmesh-rules-'));
    // Same rules, evaluated every second instead of every 30 s.
    const rules = path.join(work, 'pingmesh.rules.yml');
    fs.writeFileSync(rules, fs.readFileSync(RULES, 'utf8').replace(/^( {4}interval:) 30s$/m, '$1 1s'));
    sim = await startSimServer({ topo, scenario, format: 'topology' });
    prom = await startPrometheus({
      scrapeTargets: [sim.url],
      scrapeInterval: '1s',
      evaluationInterval: '1s',
      ruleFiles: [rules],
    });
  });

  afterAll(async () => {
    await prom?.stop();
    await sim?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('pre-aggregates spine-loss so the culprit DC diagonal stands out', async () => {
    if (scenario.culprit.kind !== 'dc') {
      throw new Error(`spine-loss culprit is ${scenario.culprit.kind}`);
    }
    const culprit = scenario.culprit.id;
    const p = prom!;
    const nDcs = topo.dcs.length;

    let latency: Sample[] = [];
    const deadline = Date.now() + 20_000;
    while (latency.length < nDcs * nDcs && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      latency = await query(p, 'dc_pair:pingmesh_pair_latency_seconds:max');
    }
    expect(latency).toHaveLength(nDcs * nDcs);
    expect(Object.keys(latency[0].metric).sort()).toEqual(['__name__', 'dst_dc', 'dst_region', 'src_dc', 'src_region']);

    const lat = diagonal(latency);
    const loss = diagonal(await query(p, 'dc_pair:pingmesh_pair_loss_ratio:max'));
    expect([...lat.keys()].sort()).toEqual([...topo.dcs].sort());
    for (const dc of topo.dcs.filter((d) => d !== culprit)) {
      expect(lat.get(culprit)!).toBeGreaterThan(lat.get(dc)!);
      expect(loss.get(culprit)!).toBeGreaterThan(loss.get(dc)!);
    }
    // spine-loss: 5–15 ms and 1–5 % loss across ToRs inside the culprit DC; healthy DCs stay below 2 ms.
    expect(lat.get(culprit)!).toBeGreaterThanOrEqual(0.005);
    expect(loss.get(culprit)!).toBeGreaterThanOrEqual(0.01);

    // Every DC diagonal covers its 4 hosts' 12 ordered pairs, the intra-ToR ones included.
    const counts = diagonal(await query(p, 'dc_pair:pingmesh_pairs:count'));
    expect([...counts.values()]).toEqual(new Array(nDcs).fill(12));
    // Inside the culprit DC the ToR diagonal (intra-ToR, 2 hosts → 2 pairs) stays healthy; cross-ToR cells are hit.
    const sel = `{src_dc="${culprit}", dst_dc="${culprit}"}`;
    const torLat = await query(p, `tor_pair:pingmesh_pair_latency_seconds:max${sel}`);
    const torCount = await query(p, `tor_pair:pingmesh_pairs:count${sel}`);
    expect(torLat).toHaveLength(4);
    for (const s of torLat) {
      const same = s.metric.src_tor === s.metric.dst_tor;
      const n = torCount.find((c) => c.metric.src_tor === s.metric.src_tor && c.metric.dst_tor === s.metric.dst_tor);
      expect(n?.value[1]).toBe(same ? '2' : '4');
      if (same) {
        expect(Number(s.value[1])).toBeLessThan(0.001);
      } else {
        expect(Number(s.value[1])).toBeGreaterThanOrEqual(0.005);
      }
    }
  });
});
