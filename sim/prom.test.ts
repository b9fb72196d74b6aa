// Integration: real promtool + prometheus (Debian packages); fails with the install command where they are missing.
import fs from 'fs';
import path from 'path';
import os from 'os';
import { httpGet } from './http';
import { PrometheusHandle, generateScenarioFile, prometheusConfig, startPrometheus, until } from './prom';
import { startSimServer } from './server';

// No silent skip: without prometheus and promtool, startPrometheus fails with the install command.

interface Vector {
  data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
}

async function query(prom: PrometheusHandle, q: string): Promise<Vector['data']['result']> {
  const res = await httpGet(`${prom.url}/api/v1/query?query=${encodeURIComponent(q)}`);
  const body = JSON.parse(res.body) as Vector;
  return body.data.result;
}

it('writes a scrape job that keeps exporter labels and merges live series with the backfill', () => {
  const yml = prometheusConfig(['127.0.0.1:9200', 'http://127.0.0.1:9300/m']);
  expect(yml).toContain('honor_labels: true');
  expect(yml).toContain('metrics_path: "/m"');
  expect(yml).toContain('targets: ["127.0.0.1:9300"]');
  expect(prometheusConfig([])).toContain('scrape_configs: []');
});

describe('real Prometheus', () => {
  jest.setTimeout(60_000);

  it('backfills a 48-host tor-down mesh that PromQL sees with the culprit ToR on top', async () => {
    const gen = generateScenarioFile({ scenario: 'tor-down', seed: 1, hosts: 48, minutes: 30, format: 'both' });
    const prom = await startPrometheus({ openMetricsFiles: [gen.file] });
    try {
      expect(await query(prom, 'count(pingmesh_pair_latency_seconds)')).toMatchObject([
        { value: [expect.any(Number), '2256'] },
      ]);
      const culprit = gen.info.culprit.kind === 'tor' ? gen.info.culprit.id : '';
      const top = await query(prom, 'topk(1, avg by (src_tor) (pingmesh_pair_latency_seconds))');
      expect(top[0].metric.src_tor).toBe(culprit);
      const fails = await query(prom, 'count by (tor) (pingmesh_fail)');
      expect(fails.find((r) => r.metric.tor === culprit)?.value[1]).toBe(String(3 * 47));
      expect(await query(prom, 'count(pingmesh_duration_milliseconds)')).toMatchObject([
        { value: [expect.any(Number), String(3 * 45 * 2 + 3 * 2)] },
      ]);
    } finally {
      await prom.stop();
      fs.rmSync(path.dirname(gen.file), { recursive: true, force: true });
    }
    expect(fs.existsSync(prom.dataDir)).toBe(false);
  });

  it('scrapes the live simulator into the same series as the backfill', async () => {
    const gen = generateScenarioFile({ scenario: 'bad-host', seed: 2, hosts: 16, minutes: 5, format: 'topology' });
    const sim = await startSimServer({ topo: gen.topo, scenario: gen.scenario, format: 'topology' });
    const prom = await startPrometheus({
      openMetricsFiles: [gen.file],
      scrapeTargets: [sim.url],
      scrapeInterval: '1s',
    });
    try {
      const n = gen.topo.hosts.length;
      // Two live scrapes of the simulator have landed beside the backfill.
      await until('two scrapes of the simulator', async () => {
        const scrapes = await query(prom, 'count_over_time(up[1m])');
        return Number(scrapes[0]?.value[1] ?? 0) >= 2;
      });
      expect(await query(prom, 'count(pingmesh_pair_latency_seconds)')).toMatchObject([
        { value: [expect.any(Number), String(n * (n - 1))] },
      ]);
    } finally {
      await prom.stop();
      await sim.close();
      fs.rmSync(path.dirname(gen.file), { recursive: true, force: true });
    }
  });

  it('fails with promtool output when a file is not valid OpenMetrics', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingmesh-bad-'));
    const file = path.join(dir, 'bad.txt');
    fs.writeFileSync(file, '# TYPE a gauge\na 1 1\n');
    try {
      await expect(startPrometheus({ openMetricsFiles: [file] })).rejects.toThrow(/EOF/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
