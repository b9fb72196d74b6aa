import {
  METRIC_NAMES,
  escapeLabelValue,
  formatLabels,
  renderMetricsText,
  renderOpenMetrics,
  writeOpenMetrics,
} from './openmetrics';
import { makeScenario, samplePair } from './scenarios';
import { buildTopology } from './topology';

const topo = buildTopology({ regions: 1, dcsPerRegion: 2, azsPerDc: 1, torsPerAz: 2, hostsPerTor: 2 });
const n = topo.hosts.length;
const pairs = n * (n - 1);
const range = { fromMs: 1_700_000_000_000, toMs: 1_700_000_060_000, stepMs: 30_000 };

interface Line {
  name: string;
  labels: string;
  value: number;
  ts?: number;
}

function samples(text: string): Line[] {
  return text
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const m = /^([a-z_]+)(\{.*\}) (\S+)(?: (\S+))?$/.exec(l);
      if (!m) {
        throw new Error(`unparsable line: ${l}`);
      }
      return { name: m[1], labels: m[2], value: Number(m[3]), ts: m[4] === undefined ? undefined : Number(m[4]) };
    });
}

function seriesKeys(lines: Line[], name: string): Set<string> {
  return new Set(lines.filter((l) => l.name === name).map((l) => l.labels));
}

describe('label escaping', () => {
  it('escapes backslash, double quote and newline', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    expect(
      formatLabels([
        ['x', 'q"'],
        ['y', 'plain'],
      ])
    ).toBe('{x="q\\"",y="plain"}');
  });
});

describe('OpenMetrics backfill', () => {
  const sc = makeScenario('tor-down', topo, 1);
  const text = renderOpenMetrics(topo, sc, { ...range, format: 'both' });
  const lines = samples(text);

  it('is deterministic and ends with # EOF', () => {
    expect(renderOpenMetrics(topo, makeScenario('tor-down', topo, 1), { ...range, format: 'both' })).toBe(text);
    expect(text.endsWith('\n# EOF\n')).toBe(true);
    expect(text.match(/# EOF/g)).toHaveLength(1);
  });

  it('groups each family and each series contiguously with ascending timestamps', () => {
    const familyOrder = lines.map((l) => l.name).filter((x, i, a) => i === 0 || a[i - 1] !== x);
    expect(familyOrder).toEqual([
      METRIC_NAMES.duration,
      METRIC_NAMES.fail,
      METRIC_NAMES.latency,
      METRIC_NAMES.loss,
      METRIC_NAMES.pairFail,
    ]);
    const closed = new Set<string>();
    let prev: Line | undefined;
    for (const l of lines) {
      const key = l.name + l.labels;
      if (prev && prev.name + prev.labels === key) {
        expect(l.ts ?? 0).toBeGreaterThan(prev.ts ?? 0);
      } else {
        expect(closed.has(key)).toBe(false);
        if (prev) {
          closed.add(prev.name + prev.labels);
        }
      }
      prev = l;
    }
  });

  it('declares TYPE for every family and UNIT only where the name ends with it', () => {
    for (const name of Object.values(METRIC_NAMES)) {
      expect(text).toContain(`# TYPE ${name} gauge\n`);
    }
    expect(text).toContain('# UNIT pingmesh_pair_latency_seconds seconds\n');
    expect(text).toContain('# UNIT pingmesh_pair_loss_ratio ratio\n');
    expect(text).toContain('# UNIT pingmesh_duration_milliseconds milliseconds\n');
    expect(text).not.toContain('# UNIT pingmesh_fail');
  });

  it('topology format: pingmesh_pair_fail 1 on exactly the failing pairs, only in scenarios that can fail', () => {
    let affected = 0;
    for (let s = 0; s < n; s++) {
      for (let d = 0; d < n; d++) {
        affected += sc.affects(s, d) ? 1 : 0;
      }
    }
    const fail = lines.filter((l) => l.name === METRIC_NAMES.pairFail);
    expect(seriesKeys(lines, METRIC_NAMES.pairFail).size).toBe(affected);
    expect(fail.every((l) => l.value === 1)).toBe(true);
    for (const name of ['healthy', 'bad-host', 'spine-loss', 'interdc-congestion', 'noise'] as const) {
      const other = renderOpenMetrics(topo, makeScenario(name, topo, 1), { ...range, format: 'topology' });
      expect(other).not.toContain(METRIC_NAMES.pairFail);
    }
  });

  it('topology format: every probed pair at every step, no self pairs, seconds and topology labels', () => {
    const lat = lines.filter((l) => l.name === METRIC_NAMES.latency);
    expect(lat).toHaveLength(pairs * 3);
    expect(seriesKeys(lines, METRIC_NAMES.loss).size).toBe(pairs);
    expect(lat.every((l) => !/src="(h\d+)",dst="\1"/.test(l.labels))).toBe(true);
    expect(lat[0].labels).toBe(
      '{src="h001",dst="h002",src_region="r1",src_dc="r1-dc1",src_az="r1-dc1-az1",src_tor="r1-dc1-az1-tor1",' +
        'dst_region="r1",dst_dc="r1-dc1",dst_az="r1-dc1-az1",dst_tor="r1-dc1-az1-tor1"}'
    );
    expect(lat[0].ts).toBe(range.fromMs / 1000);
    const x = samplePair(topo, sc, 0, 1, range.fromMs, 1);
    expect(lat[0].value).toBeCloseTo(x.latencyMs / 1000, 8);
  });

  it('pingmesh-agent format: exactly the pairs over the delay / failing, keyed by IPs and the source ToR', () => {
    let affected = 0;
    for (let s = 0; s < n; s++) {
      for (let d = 0; d < n; d++) {
        affected += sc.affects(s, d) ? 1 : 0;
      }
    }
    expect(seriesKeys(lines, METRIC_NAMES.duration).size).toBe(affected);
    expect(seriesKeys(lines, METRIC_NAMES.fail).size).toBe(affected);
    expect(lines.filter((l) => l.name === METRIC_NAMES.fail).every((l) => l.value === 1)).toBe(true);
    const h = topo.hosts.find((x) => x.tor === (sc.culprit.kind === 'tor' ? sc.culprit.id : ''));
    expect(h).toBeDefined();
    expect(text).toContain(
      `{instance="${h?.ip}:9115",target="${topo.hosts[h?.index === 0 ? 1 : 0].ip}",tor="${h?.tor}"}`
    );
  });
});

describe('pingmesh-agent sparsity', () => {
  const agent = (name: 'healthy' | 'bad-host', delayMs?: number) =>
    samples(renderOpenMetrics(topo, makeScenario(name, topo, 1), { ...range, format: 'pingmesh-agent', delayMs }));

  it('a healthy mesh exports no samples at all (missing = healthy)', () => {
    expect(agent('healthy')).toHaveLength(0);
  });

  it('a 20–60 ms bad host stays invisible under the default 200 ms delay, visible under a 10 ms one', () => {
    expect(agent('bad-host')).toHaveLength(0);
    const low = agent('bad-host', 10);
    expect(seriesKeys(low, METRIC_NAMES.duration).size).toBe(2 * (n - 1));
    expect(seriesKeys(low, METRIC_NAMES.fail).size).toBe(0);
  });

  it('reports series and sample counts', () => {
    const stats = writeOpenMetrics(topo, makeScenario('healthy', topo, 1), { ...range, format: 'topology' }, () => {});
    expect(stats).toMatchObject({ series: 2 * pairs, samples: 2 * pairs * 3 });
  });
});

describe('live exposition', () => {
  it('has no timestamps, UNIT or EOF, and one sample per series', () => {
    const text = renderMetricsText(topo, makeScenario('tor-down', topo, 2), range.toMs, 'both');
    expect(text).not.toContain('# EOF');
    expect(text).not.toContain('# UNIT');
    const lines = samples(text);
    expect(lines.every((l) => l.ts === undefined)).toBe(true);
    expect(lines.filter((l) => l.name === METRIC_NAMES.latency)).toHaveLength(pairs);
  });
});
