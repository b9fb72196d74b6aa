import { kubenurseNeighbours, podIp } from './k8s';
import { renderMetricsText, renderOpenMetrics } from './openmetrics';
import { SCENARIOS, ScenarioName, makeScenario } from './scenarios';
import { BUCKETS, METRICS, SHAPE_FORMATS, ShapeFormat } from './shapes';
import { buildTopology, topologySizesForHosts } from './topology';

// 2 DCs × 2 ToRs × 3 hosts: 12 hosts, so kubenurse (10 neighbours) is sparse but nearly full. Short ranges: these
// tests read every line, and Goldpinger's full mesh writes 15 lines per pair and step.
const topo = buildTopology({ regions: 1, dcsPerRegion: 2, azsPerDc: 1, torsPerAz: 2, hostsPerTor: 3 });
const n = topo.hosts.length;
const END = 1_700_000_400_000;
const range = { fromMs: END - 6 * 60_000, toMs: END, stepMs: 60_000 };

interface Line {
  name: string;
  labels: Record<string, string>;
  key: string;
  value: number;
  ts?: number;
}

function parse(text: string): Line[] {
  const out: Line[] = [];
  for (const l of text.split('\n')) {
    if (l === '' || l.startsWith('#')) {
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\} (\S+)(?: (\S+))?$/.exec(l);
    if (!m) {
      throw new Error(`unparsable line: ${l}`);
    }
    const labels: Record<string, string> = {};
    for (const x of m[2].matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[x[1]] = x[2];
    }
    out.push({
      name: m[1],
      labels,
      key: `${m[1]}{${m[2]}}`,
      value: Number(m[3]),
      ts: m[4] === undefined ? undefined : Number(m[4]),
    });
  }
  return out;
}

const cache = new Map<string, { text: string; lines: Line[] }>();
function backfill(format: ShapeFormat, scenario: ScenarioName = 'healthy', r = range) {
  const k = `${format}/${scenario}/${r.fromMs}`;
  if (!cache.has(k)) {
    const text = renderOpenMetrics(topo, makeScenario(scenario, topo, 1), { ...r, format });
    cache.set(k, { text, lines: parse(text) });
  }
  return cache.get(k)!;
}
const linesOf = (format: ShapeFormat, scenario: ScenarioName = 'healthy', r = range) =>
  backfill(format, scenario, r).lines;

/** The newest sample of each series of a metric. */
function latest(lines: Line[], name?: string): Map<string, Line> {
  const out = new Map<string, Line>();
  for (const l of lines) {
    if (name === undefined || l.name === name) {
      out.set(l.key, l);
    }
  }
  return out;
}

const labelNames = (lines: Line[], name: string) => [
  ...new Set(lines.filter((l) => l.name === name).map((l) => Object.keys(l.labels).sort().join(','))),
];
const host = (name: string) => topo.hosts.find((h) => h.name === name)!;
const byIp = (ip: string) => topo.hosts.find((h) => h.ip === ip)!;
const culpritTor = () => {
  const c = makeScenario('tor-down', topo, 1).culprit;
  return c.kind === 'tor' ? c.id : '';
};
/** Counters and histogram series (never decreasing); goldpinger_peers_hop_count is a gauge. */
const isCumulative = (name: string) => /_(total|count|bucket)$/.test(name) && name !== METRICS.goldpingerHops;
/** `…_count{labels}` of a bucket line (le dropped). */
const countKey = (l: Line) => l.key.replace('_bucket{', '_count{').replace(/,le="[^"]*"/, '');

describe('exporter shapes: valid OpenMetrics for promtool', () => {
  it.each(SHAPE_FORMATS)(
    '%s: deterministic, grouped by family and series, ascending, histograms cumulative',
    (format) => {
      const { text, lines } = backfill(format, 'tor-down');
      expect(renderOpenMetrics(topo, makeScenario('tor-down', topo, 1), { ...range, format })).toBe(text);
      expect(text.endsWith('\n# EOF\n')).toBe(true);
      // Collected, then asserted once: an expect() per line is slow.
      const problems: string[] = [];
      const family = (name: string) => name.replace(/_(bucket|count|sum)$/, '');
      const order = lines.map((l) => family(l.name)).filter((x, i, a) => i === 0 || a[i - 1] !== x);
      expect(new Set(order).size).toBe(order.length);
      const lastTs = new Map<string, number>();
      const prev = new Map<string, number>();
      const points = new Map<string, number[]>();
      for (const l of lines) {
        if (!(l.ts! > (lastTs.get(l.key) ?? -Infinity))) {
          problems.push(`not ascending: ${l.key}`);
        }
        lastTs.set(l.key, l.ts!);
        if (isCumulative(l.name)) {
          if (l.value < (prev.get(l.key) ?? 0)) {
            problems.push(`counter went down: ${l.key}`);
          }
          prev.set(l.key, l.value);
        }
        if (l.name.endsWith('_bucket')) {
          const k = `${countKey(l)}@${l.ts}`;
          const p = points.get(k) ?? [];
          p.push(l.labels.le === '+Inf' ? Infinity : Number(l.labels.le), l.value);
          points.set(k, p);
        }
      }
      expect(points.size).toBeGreaterThan(0);
      for (const [k, p] of points) {
        for (let i = 3; i < p.length; i += 2) {
          if (!(p[i - 1] > p[i - 3] && p[i] >= p[i - 2])) {
            problems.push(`not cumulative: ${k}`);
          }
        }
      }
      expect(problems.slice(0, 5)).toEqual([]);
    }
  );

  it('declares TYPE per family (counters without _total), UNIT only where the name ends with it', () => {
    const text = backfill('kubenurse').text;
    expect(text).toContain(
      `# TYPE ${METRICS.kubenurseDuration} histogram\n# UNIT ${METRICS.kubenurseDuration} seconds\n`
    );
    expect(text).toContain('# TYPE kubenurse_httpclient_requests counter\n');
    const gp = backfill('goldpinger-udp').text;
    expect(gp).toContain(`# TYPE ${METRICS.goldpingerResponse} histogram\n`);
    expect(gp).not.toContain('# UNIT');
  });
});

describe('kubenurse', () => {
  const lines = linesOf('kubenurse');
  const hist = latest(lines, `${METRICS.kubenurseDuration}_count`);

  it('labels as scraped: instance (pod IP:8080), node, pod, type; le on buckets, code on requests', () => {
    expect(labelNames(lines, `${METRICS.kubenurseDuration}_bucket`)).toEqual(['instance,le,node,pod,type']);
    expect(labelNames(lines, METRICS.kubenurseRequests)).toEqual(['code,instance,node,pod,type']);
    const one = [...hist.values()].find((l) => l.labels.node === 'h001' && l.labels.type.startsWith('path_'))!;
    expect(one.labels.instance).toBe(`${podIp(0, 'kubenurse')}:8080`);
    expect(one.labels.pod).toMatch(/^kubenurse-[a-z0-9]{5}$/);
    const les = lines.filter((l) => l.name === `${METRICS.kubenurseDuration}_bucket`).map((l) => l.labels.le);
    expect([...new Set(les)]).toEqual([...BUCKETS.kubenurse.map(String), '+Inf']);
  });

  it('each node checks its 10 hash-ring neighbours (type="path_<node>"), plus the API server, ingress and service', () => {
    const paths = [...hist.values()].filter((l) => l.labels.type.startsWith('path_'));
    expect(paths).toHaveLength(n * 10);
    const ring = kubenurseNeighbours(topo);
    for (const l of paths) {
      const s = topo.hosts.indexOf(host(l.labels.node));
      expect(ring[s].map((d) => `path_${topo.hosts[d].name}`)).toContain(l.labels.type);
    }
    const others = new Set(
      [...hist.values()].filter((l) => !l.labels.type.startsWith('path_')).map((l) => l.labels.type)
    );
    expect([...others].sort()).toEqual(['api_server_direct', 'api_server_dns', 'me_ingress', 'me_service']);
    expect(latest(lines, 'kube_node_labels').size).toBe(n);
  });

  it('healthy: milliseconds, every request answered, no errors', () => {
    const sum = latest(lines, `${METRICS.kubenurseDuration}_sum`);
    for (const [k, c] of hist) {
      const mean = sum.get(k.replace('_count{', '_sum{'))!.value / c.value;
      expect(mean).toBeGreaterThan(0.0005);
      expect(mean).toBeLessThan(0.012);
    }
    expect(lines.some((l) => l.name === METRICS.kubenurseErrors || l.labels.code === 'round_trip_error')).toBe(false);
  });

  it('tor-down: round_trip_error and connect_done errors exactly on paths to or from the failed ToR', () => {
    const down = linesOf('kubenurse', 'tor-down');
    const culprit = culpritTor();
    const touches = (l: Line) => host(l.labels.node).tor === culprit || host(l.labels.type.slice(5)).tor === culprit;
    const failing = [...latest(down, METRICS.kubenurseErrors).values()];
    expect(failing.every((l) => l.labels.event === 'connect_done' && touches(l))).toBe(true);
    const paths = [...latest(down, METRICS.kubenurseRequests).values()].filter((l) =>
      l.labels.type.startsWith('path_')
    );
    const pathsTouching = new Set(paths.filter(touches).map((l) => l.labels.node + l.labels.type));
    expect(new Set(failing.map((l) => l.labels.node + l.labels.type))).toEqual(pathsTouching);
    expect(pathsTouching.size).toBeGreaterThan(0);
  });
});

describe('Goldpinger', () => {
  const lines = linesOf('goldpinger-udp');
  const pings = latest(lines, `${METRICS.goldpingerResponse}_count`);

  it('every node pings every pod, itself included: goldpinger_instance → host_ip (node IP) and pod_ip', () => {
    expect(pings.size).toBe(n * n);
    expect(labelNames(lines, `${METRICS.goldpingerResponse}_bucket`)).toEqual([
      'call_type,goldpinger_instance,host_ip,instance,le,pod_ip',
    ]);
    const self = [...pings.values()].find(
      (l) => l.labels.goldpinger_instance === 'h003' && l.labels.host_ip === topo.hosts[2].ip
    )!;
    expect(self.labels).toMatchObject({
      call_type: 'ping',
      pod_ip: podIp(2, 'goldpinger'),
      instance: `${podIp(2, 'goldpinger')}:8080`,
    });
    expect(labelNames(lines, METRICS.goldpingerLoss)).toEqual(['goldpinger_instance,host_ip,instance,pod_ip']);
    expect(latest(lines, METRICS.goldpingerMode).size).toBe(n);
    expect([...latest(lines, 'kube_pod_info').values()].map((l) => l.labels.pod_ip).sort()).toEqual(
      topo.hosts.map((_, i) => podIp(i, 'goldpinger')).sort()
    );
  });

  it('healthy: HTTP pings in milliseconds (all in the 5 ms bucket inside a DC), no UDP loss, sub-ms UDP in a ToR', () => {
    const buckets = latest(lines, `${METRICS.goldpingerResponse}_bucket`);
    for (const b of buckets.values()) {
      const sameDc = host(b.labels.goldpinger_instance).dc === byIp(b.labels.host_ip).dc;
      if (b.labels.le === (sameDc ? '0.005' : '0.01')) {
        expect(b.value).toBe(pings.get(countKey(b))!.value);
      }
    }
    expect([...latest(lines, METRICS.goldpingerLoss).values()].every((l) => l.value === 0)).toBe(true);
    const udpSum = latest(lines, `${METRICS.goldpingerUdpRtt}_sum`);
    for (const [k, c] of latest(lines, `${METRICS.goldpingerUdpRtt}_count`)) {
      if (host(c.labels.goldpinger_instance).tor === byIp(c.labels.host_ip).tor) {
        expect(udpSum.get(k.replace('_count{', '_sum{'))!.value / c.value).toBeLessThan(0.0002);
      }
    }
  });

  it('tor-down: pings time out at 300 ms, UDP loss on the failed ToR’s pairs only', () => {
    const down = linesOf('goldpinger-udp', 'tor-down');
    const culprit = culpritTor();
    const touches = (l: Line) =>
      l.labels.goldpinger_instance !== byIp(l.labels.host_ip).name &&
      (host(l.labels.goldpinger_instance).tor === culprit || byIp(l.labels.host_ip).tor === culprit);
    // Loss per probe is out of 10 packets: on average ≥ 30 % on the failed ToR's pairs over the backfill, 0 elsewhere.
    const losses = new Map<string, { touches: boolean; sum: number; max: number; k: number }>();
    for (const l of down.filter((x) => x.name === METRICS.goldpingerLoss)) {
      const e = losses.get(l.key) ?? { touches: touches(l), sum: 0, max: 0, k: 0 };
      e.sum += l.value;
      e.max = Math.max(e.max, l.value);
      e.k++;
      losses.set(l.key, e);
    }
    expect(losses.size).toBe(n * n);
    const wrong = [...losses].filter(([, e]) => (e.touches ? e.sum / e.k < 30 : e.max > 0));
    expect(wrong).toEqual([]);
    // Timed-out pings are observed at the timeout: above the 0.25 s bucket, and only on those pairs.
    const counts = latest(down, `${METRICS.goldpingerResponse}_count`);
    const timedOut = [...latest(down, `${METRICS.goldpingerResponse}_bucket`).values()].filter(
      (b) => b.labels.le === '0.25' && b.value < counts.get(countKey(b))!.value
    );
    expect(timedOut.length).toBeGreaterThan(0);
    expect(timedOut.every(touches)).toBe(true);
  });

  it('goldpinger-passive: passive nodes (node_mode 0) probe nothing but are probed; the culprit host stays active', () => {
    const p = linesOf('goldpinger-passive', 'bad-host');
    const passive = [...latest(p, METRICS.goldpingerMode).values()]
      .filter((l) => l.value === 0)
      .map((l) => l.labels.goldpinger_instance);
    expect(passive.length).toBeGreaterThan(0);
    expect(passive.length).toBeLessThan(n);
    const c = makeScenario('bad-host', topo, 1).culprit;
    expect(passive).not.toContain(c.kind === 'host' ? c.id : '');
    const counts = [...latest(p, `${METRICS.goldpingerResponse}_count`).values()];
    expect(counts.some((l) => passive.includes(l.labels.goldpinger_instance))).toBe(false);
    expect(counts).toHaveLength((n - passive.length) * n);
    expect(new Set(counts.map((l) => l.labels.host_ip)).size).toBe(n);
  });

  it('goldpinger-no-topology: only Goldpinger series; the source is known by its scrape instance, destinations by pod_ip', () => {
    const bare = linesOf('goldpinger-no-topology');
    expect(bare.some((l) => l.name.startsWith('kube_'))).toBe(false);
    const byInstance = new Map(
      bare.map((l) => [l.labels.instance?.replace(/:8080$/, ''), l.labels.goldpinger_instance])
    );
    // Every destination pod IP is some source's instance IP: names and IPs can be joined from the series alone.
    const podIps = [...new Set(bare.filter((l) => l.labels.pod_ip).map((l) => l.labels.pod_ip))];
    expect(podIps.map((ip) => byInstance.get(ip)).sort()).toEqual(topo.hosts.map((h) => h.name).sort());
  });
});

describe('R-Pingmesh', () => {
  const lines = linesOf('rpingmesh');

  it('ToR-level series per agent: instance (host), source_tor, target_tor; healthy RoCE in microseconds', () => {
    expect(labelNames(lines, `${METRICS.rpingmeshRtt}_bucket`)).toEqual(['instance,le,source_tor,target_tor']);
    expect(labelNames(lines, METRICS.rpingmeshTotal)).toEqual(['instance,source_tor,target_tor']);
    // Every agent probes its own ToR and every other ToR (the host at its position there).
    expect(latest(lines, METRICS.rpingmeshTotal).size).toBe(n * topo.tors.length);
    const counts = latest(lines, `${METRICS.rpingmeshRtt}_count`);
    const intra = [...latest(lines, `${METRICS.rpingmeshRtt}_bucket`).values()].filter(
      (l) => l.labels.source_tor === l.labels.target_tor && l.labels.le === '5000'
    );
    expect(intra).toHaveLength(n);
    expect(intra.every((l) => l.value === counts.get(countKey(l))!.value)).toBe(true);
    expect(lines.some((l) => l.name === METRICS.rpingmeshFailed && l.value > 5)).toBe(false);
  });

  it('a RoCE fabric ends at its region: no cross-region ToR pairs', () => {
    const two = buildTopology({ regions: 2, dcsPerRegion: 2, azsPerDc: 1, torsPerAz: 1, hostsPerTor: 2 });
    const text = renderOpenMetrics(two, makeScenario('healthy', two, 1), { ...range, format: 'rpingmesh' });
    const pairs = new Set(
      parse(text)
        .filter((l) => l.name === METRICS.rpingmeshTotal)
        .map((l) => `${l.labels.source_tor.slice(0, 2)}>${l.labels.target_tor.slice(0, 2)}`)
    );
    expect([...pairs].sort()).toEqual(['r1>r1', 'r2>r2']);
  });

  it('tor-down: failed probes (reason timeout) on every row and column of the failed ToR; success + failed = total', () => {
    const down = linesOf('rpingmesh', 'tor-down');
    const culprit = culpritTor();
    const failedAll = latest(down, METRICS.rpingmeshFailed);
    const pairs = new Set(
      [...failedAll.values()].filter((l) => l.value > 5).map((l) => `${l.labels.source_tor}>${l.labels.target_tor}`)
    );
    expect([...pairs].sort()).toEqual(
      topo.tors
        .flatMap((a) => topo.tors.map((b) => `${a}>${b}`))
        .filter((p) => p.split('>').includes(culprit))
        .sort()
    );
    const success = latest(down, METRICS.rpingmeshSuccess);
    for (const [k, t] of latest(down, METRICS.rpingmeshTotal)) {
      const f = failedAll.get(
        k.replace(METRICS.rpingmeshTotal, METRICS.rpingmeshFailed).replace(/\}$/, ',reason="timeout"}')
      );
      expect(success.get(k.replace(METRICS.rpingmeshTotal, METRICS.rpingmeshSuccess))!.value + (f?.value ?? 0)).toBe(
        t.value
      );
    }
  });
});

describe('every scenario in every shape', () => {
  const short = { fromMs: END - 3 * 60_000, toMs: END, stepMs: 60_000 };
  const meanOf = (format: ShapeFormat, scenario: ScenarioName) => {
    const lines = linesOf(format, scenario, short);
    const name = format === 'kubenurse' ? METRICS.kubenurseDuration : METRICS.goldpingerResponse;
    const sum = latest(lines, `${name}_sum`);
    return [...latest(lines, `${name}_count`)].map(([k, c]) => ({
      l: c.labels,
      mean: sum.get(k.replace('_count{', '_sum{'))!.value / c.value,
    }));
  };
  const pairOf = (format: ShapeFormat, l: Record<string, string>) =>
    format === 'kubenurse'
      ? l.type.startsWith('path_')
        ? [l.node, l.type.slice(5)]
        : undefined
      : [l.goldpinger_instance, byIp(l.host_ip).name];
  const idx = (name: string) => topo.hosts.indexOf(host(name));
  const scenarios = SCENARIOS.filter((s) => !['healthy', 'sla-mix', 'tor-down'].includes(s));

  // Mean over the backfill (sum / count) from the format's own histogram: over 15 ms exactly where the scenario says.
  it.each(['kubenurse', 'goldpinger', 'goldpinger-passive'] as const)(
    '%s: the affected pairs are the slow ones',
    (format) => {
      for (const name of scenarios) {
        const sc = makeScenario(name, topo, 1);
        const wrong: unknown[] = [];
        let slow = 0;
        for (const { l, mean } of meanOf(format, name)) {
          const p = pairOf(format, l);
          if (p && p[0] !== p[1]) {
            const affected = sc.affects(idx(p[0]), idx(p[1]));
            if (affected !== mean > 0.015) {
              wrong.push([name, p, mean]);
            }
            slow += affected ? 1 : 0;
          }
        }
        expect(wrong).toEqual([]);
        // Passive sources hide their rows: noise's few random pairs may all start at one.
        expect(slow > 0 || (format === 'goldpinger-passive' && name === 'noise')).toBe(true);
      }
    }
  );

  it('rpingmesh: a bad host’s ToR row and column are the slower ToR pairs', () => {
    const mean = (scenario: ScenarioName) => {
      const lines = linesOf('rpingmesh', scenario);
      const sum = latest(lines, `${METRICS.rpingmeshRtt}_sum`);
      return new Map(
        [...latest(lines, `${METRICS.rpingmeshRtt}_count`)].map(([k, c]) => [
          k,
          { l: c.labels, ns: sum.get(k.replace('_count{', '_sum{'))!.value / c.value },
        ])
      );
    };
    const c = makeScenario('bad-host', topo, 1).culprit;
    const badTor = c.kind === 'host' ? host(c.id).tor : '';
    const healthy = mean('healthy');
    // More than 5 ms slower than healthy (the bad host adds 20–60 ms to the share of probes that reach it).
    const slower = [...mean('bad-host')].filter(([k, v]) => v.ns - healthy.get(k)!.ns > 5e6).map(([, v]) => v.l);
    expect(slower.length).toBeGreaterThan(0);
    expect(slower.filter((l) => l.source_tor !== badTor && l.target_tor !== badTor)).toEqual([]);
    expect(new Set(slower.map((l) => (l.source_tor === badTor ? l.target_tor : l.source_tor))).size).toBe(
      topo.tors.length
    );
  });

  it('sla-mix: the scenario’s sparse mesh; the failed pair only errors, the dead pair stops 20 minutes before the end', () => {
    const r = { fromMs: END - 30 * 60_000, toMs: END, stepMs: 60_000 };
    const sc = makeScenario('sla-mix', topo, 1);
    const f = sc.culprit.kind === 'sla-mix' ? sc.culprit : undefined;
    const lines = linesOf('kubenurse', 'sla-mix', r);
    const path = (l: Line) => `${l.labels.node}>${l.labels.type.slice(5)}`;
    const requested = new Set(
      [...latest(lines, METRICS.kubenurseRequests).values()].filter((l) => l.labels.type.startsWith('path_')).map(path)
    );
    expect(requested.size).toBe(f?.probedPairs);
    const answered = [...latest(lines, `${METRICS.kubenurseDuration}_count`).values()].filter((l) =>
      l.labels.type.startsWith('path_')
    );
    expect(answered.map(path)).not.toContain(`${f?.failed[0].src}>${f?.failed[0].dst}`);
    expect(answered).toHaveLength(requested.size - 1);
    expect(answered.find((l) => path(l) === `${f?.dead[0].src}>${f?.dead[0].dst}`)?.ts).toBe(
      (END - 20 * 60_000) / 1000
    );
    expect([...latest(lines, METRICS.kubenurseErrors).values()].map(path)).toEqual([
      `${f?.failed[0].src}>${f?.failed[0].dst}`,
    ]);
  });
});

describe('live /metrics continues the backfill', () => {
  it.each(['kubenurse', 'rpingmesh', 'goldpinger-udp'] as const)(
    '%s: at the backfill’s end the same samples, later counters never less',
    (format) => {
      const sc = makeScenario('tor-down', topo, 1);
      const originMs = range.fromMs - 10 * 60_000;
      const store = new Map<string, unknown>();
      const at = (t: number) => latest(parse(renderMetricsText(topo, sc, t, format, { originMs, store })));
      const live = at(range.toMs);
      const file = latest(linesOf(format, 'tor-down').filter((l) => l.ts === range.toMs / 1000));
      expect([...live.keys()].sort()).toEqual([...file.keys()].sort());
      expect([...live].filter(([k, l]) => l.value !== file.get(k)!.value)).toEqual([]);
      const later = at(range.toMs + 120_000);
      const decreased = [...live].filter(([k, l]) => isCumulative(l.name) && later.get(k)!.value < l.value);
      expect(decreased).toEqual([]);
    }
  );

  it('kubenurse exposes no HELP/TYPE (KUBENURSE_EXPOSE_METADATA is off by default); the others do', () => {
    expect(renderMetricsText(topo, makeScenario('healthy', topo, 1), END, 'kubenurse')).not.toContain('# TYPE');
    const rp = renderMetricsText(topo, makeScenario('healthy', topo, 1), END, 'rpingmesh');
    expect(rp).toContain('# TYPE rpingmesh_probe_total counter');
    expect(rp).not.toContain('# EOF');
  });
});

it('48 hosts: kubenurse stays sparse (10 of 47 destinations per node), no node checked by half the cluster', () => {
  const t = buildTopology(topologySizesForHosts(48));
  const ring = kubenurseNeighbours(t);
  expect(ring.every((x) => x.length === 10 && new Set(x).size === 10)).toBe(true);
  const inDegree = new Array(48).fill(0);
  ring.forEach((x) => x.forEach((d) => inDegree[d]++));
  expect(Math.max(...inDegree)).toBeLessThan(25);
});
