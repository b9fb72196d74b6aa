import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { httpGet } from '../sim/http';
import { startPrometheus as startSimPrometheus } from '../sim/prom';
import { VictoriaHandle, openMetricsLineToImport, startVictoriaMetrics } from './victoria';

/**
 * What the panel gets from VictoriaMetrics (MetricsQL) versus Prometheus (PromQL) for the same samples: the real
 * binaries (Debian `prometheus` 2.42, `victoria-metrics` 1.79), one hand-made OpenMetrics file loaded into both
 * (promtool backfill / import API). The differences asserted here are the ones docs/compatibility.md lists; a
 * backend upgrade that changes one fails here first.
 */
const STEP = 15;
const T = Math.floor(Date.now() / 1000 / STEP) * STEP - 60;
const STOPPED_AT = T - 180;

function openMetrics(): string {
  const lines: string[] = ['# TYPE pm_latency gauge'];
  for (let t = T - 600; t <= T; t += STEP) {
    lines.push(`pm_latency{pair="ok"} 0.002 ${t}`);
    // The last probe round lost every packet: no RTT, exported as NaN.
    lines.push(`pm_latency{pair="lost"} ${t === T ? 'NaN' : '0.003'} ${t}`);
    if (t <= STOPPED_AT) {
      lines.push(`pm_latency{pair="stopped"} 0.004 ${t}`);
    }
  }
  lines.push('# TYPE h histogram');
  // Per-interval increments of each bucket; `idle` saw no probe, `nonmono` has a broken (decreasing) bucket.
  const cases: Record<string, Record<string, number>> = {
    normal: { '0.001': 50, '0.005': 90, '+Inf': 100 },
    slow: { '0.001': 0, '0.005': 0, '+Inf': 10 },
    idle: { '0.001': 0, '0.005': 0, '+Inf': 0 },
    nonmono: { '0.001': 60, '0.005': 50, '+Inf': 100 },
  };
  for (const [name, inc] of Object.entries(cases)) {
    for (let k = 0, t = T - 600; t <= T; k++, t += STEP) {
      for (const [le, n] of Object.entries(inc)) {
        lines.push(`h_bucket{case="${name}",le="${le}"} ${n * k} ${t}`);
      }
      lines.push(`h_count{case="${name}"} ${inc['+Inf'] * k} ${t}`);
    }
  }
  return lines.join('\n') + '\n# EOF\n';
}

type Sample = [number, string];
interface Result {
  metric: Record<string, string>;
  value?: Sample;
  values?: Sample[];
}

async function query(base: string, api: 'query' | 'query_range', params: Record<string, string | number>) {
  // http GET: jest's jsdom environment has no fetch.
  const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await httpGet(`${base}/api/v1/${api}?${search}`);
  const json = JSON.parse(res.body) as { status: string; data: { result: Result[] } };
  expect(json.status).toBe('success');
  return json.data.result;
}

/** `{ <label value>: value }` of an instant query at T. */
async function instant(base: string, expr: string, label: string) {
  const result = await query(base, 'query', { query: expr, time: T });
  return Object.fromEntries(result.map((r) => [r.metric[label], r.value![1]]));
}

let dir: string;
let prom: { url: string; stop(): Promise<void> };
let vm: VictoriaHandle;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pingmesh-backends-'));
  const file = path.join(dir, 'data.om');
  writeFileSync(file, openMetrics());
  // Missing binaries fail here with the apt-get command (no silent skip).
  [prom, vm] = await Promise.all([
    startSimPrometheus({ openMetricsFiles: [file] }),
    startVictoriaMetrics({ openMetricsFiles: [file] }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([prom?.stop(), vm?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

const both = async (expr: string, label: string) =>
  Promise.all([instant(prom.url, expr, label), instant(vm.url, expr, label)]);

describe('the same answers for what the panel asks', () => {
  it.each([
    ['an instant selector', 'pm_latency{pair="ok"}', 'pair'],
    ['an aggregation', 'max by (pair) (pm_latency{pair=~"ok|stopped"})', 'pair'],
    [
      'p99 from a histogram, also when it lies in the +Inf bucket',
      'histogram_quantile(0.99, sum by (case, le) (rate(h_bucket{case=~"normal|slow"}[5m])))',
      'case',
    ],
    ['a rate', 'rate(h_count{case=~"normal|slow"}[5m])', 'case'],
  ])('%s', async (_, expr, label) => {
    const [p, v] = await both(expr, label);
    expect(Object.keys(p).length).toBeGreaterThan(0);
    expect(Object.keys(v).sort()).toEqual(Object.keys(p).sort());
    for (const key of Object.keys(p)) {
      expect(Number(v[key])).toBeCloseTo(Number(p[key]), 12);
    }
  });

  it('a series that stopped 3 minutes ago, in an instant query: both still return its last sample (5 min lookback)', async () => {
    const [p, v] = await both('pm_latency{pair="stopped"}', 'pair');
    expect(p).toEqual({ stopped: '0.004' });
    expect(v).toEqual({ stopped: '0.004' });
  });
});

describe('where MetricsQL differs (docs/compatibility.md)', () => {
  it('an ingested NaN: Prometheus returns NaN, VictoriaMetrics dropped it and returns the sample before', async () => {
    const [p, v] = await both('pm_latency{pair="lost"}', 'pair');
    expect(p).toEqual({ lost: 'NaN' });
    expect(v).toEqual({ lost: '0.003' });
  });

  it('a computed NaN (0/0: a loss ratio or a quantile with no probes): Prometheus returns NaN, VictoriaMetrics no series', async () => {
    const loss = '1 - rate(h_count{case="idle"}[5m]) / rate(h_count{case="idle"}[5m])';
    expect(await both(loss, 'case')).toEqual([{ idle: 'NaN' }, {}]);
    const p99 = 'histogram_quantile(0.99, sum by (case, le) (rate(h_bucket{case="idle"}[5m])))';
    expect(await both(p99, 'case')).toEqual([{ idle: 'NaN' }, {}]);
  });

  it('a range query after a series stops: Prometheus repeats it for 5 minutes, VictoriaMetrics for about one interval', async () => {
    const range = { query: 'pm_latency{pair="stopped"}', start: STOPPED_AT - 60, end: T, step: STEP };
    const after = async (base: string) => {
      const [series] = await query(base, 'query_range', range);
      return series.values!.filter(([t]) => t > STOPPED_AT).length;
    };
    expect(await after(prom.url)).toBe(180 / STEP);
    expect(await after(vm.url)).toBeLessThanOrEqual(2);
  });

  it('broken (decreasing) buckets: each backend repairs them its own way', async () => {
    const [p, v] = await both(
      'histogram_quantile(0.5, sum by (case, le) (rate(h_bucket{case="nonmono"}[5m])))',
      'case'
    );
    expect(Number(p.nonmono)).toBeCloseTo(0.001 * (50 / 60), 9);
    expect(Number(v.nonmono)).toBeCloseTo(0.001, 9);
  });
});

describe('openMetricsLineToImport', () => {
  it('keeps the sample and turns the OpenMetrics seconds into milliseconds', () => {
    expect(openMetricsLineToImport('x{a="b c}"} 1.5 1700000000.25')).toBe('x{a="b c}"} 1.5 1700000000250');
    expect(openMetricsLineToImport('x 2 1700000000')).toBe('x 2 1700000000000');
    expect(openMetricsLineToImport('x{a="1"} NaN')).toBe('x{a="1"} NaN');
  });

  it('drops comments, # EOF and blank lines', () => {
    expect(['# TYPE x gauge', '# EOF', ''].map(openMetricsLineToImport)).toEqual([undefined, undefined, undefined]);
  });
});
