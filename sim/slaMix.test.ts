// sla-mix: the sparse Pingmesh mesh and one pair/host per SLA cell state, from the rule to a real Prometheus.
import fs from 'fs';
import path from 'path';
import { BASELINE_LATENCY_MS } from './baseline';
import { httpGet } from './http';
import { METRIC_NAMES, renderMetricsText, renderOpenMetrics } from './openmetrics';
import { ScenarioStack, generateScenarioFile, startScenarioStack } from './prom';
import { SLA_MIX_EFFECTS, SlaMixFacts, culpritText, makeScenario, probed, slaMixFacts } from './scenarios';
import { startSimServer } from './server';
import { Topology, buildTopology, scopeOfIndex, topologyForHosts } from './topology';

const topo = topologyForHosts(48);
const n = topo.hosts.length;
const idx = new Map(topo.hosts.map((h) => [h.name, h.index]));
const at = (name: string) => idx.get(name) ?? -1;
const isTorRep = (t: Topology, i: number) => i % t.sizes.hostsPerTor === 0;

function forPairs(fn: (s: number, d: number) => void): void {
  for (let s = 0; s < n; s++) {
    for (let d = 0; d < n; d++) {
      if (s !== d) {
        fn(s, d);
      }
    }
  }
}

describe('probed: Pingmesh three-level mesh', () => {
  it('the default 48-host topology has 2 regions, 4 DCs, 16 ToRs of 3 hosts', () => {
    expect(topo.sizes).toEqual({ regions: 2, dcsPerRegion: 2, azsPerDc: 2, torsPerAz: 2, hostsPerTor: 3 });
  });

  it('probes 156 ordered pairs of the 48-host topology, 8 of them cross-region', () => {
    const { regions, dcsPerRegion, azsPerDc, torsPerAz, hostsPerTor } = topo.sizes;
    const dcs = regions * dcsPerRegion;
    const torsPerDc = azsPerDc * torsPerAz;
    const tors = dcs * torsPerDc;
    const intraTor = tors * hostsPerTor * (hostsPerTor - 1); // 16 · 3 · 2 = 96
    const torReps = dcs * torsPerDc * (torsPerDc - 1); // 4 · 4 · 3 = 48
    const dcReps = dcs * (dcs - 1); // 4 · 3 = 12
    const crossRegion = regions * dcsPerRegion * (regions - 1) * dcsPerRegion; // 2 · 2 · 1 · 2 = 8
    expect(intraTor + torReps + dcReps).toBe(156);
    let count = 0;
    let global = 0;
    forPairs((s, d) => {
      if (probed(topo, s, d)) {
        count++;
        global += scopeOfIndex(topo, s, d) === 'global' ? 1 : 0;
      }
    });
    expect(count).toBe(156);
    expect(global).toBe(crossRegion);
    expect(slaMixFacts(topo, 1)).toMatchObject({ probedPairs: 156, crossRegionProbedPairs: 8 });
  });

  it('probes every intra-ToR pair and never self', () => {
    forPairs((s, d) => {
      if (topo.hosts[s].tor === topo.hosts[d].tor) {
        expect(probed(topo, s, d)).toBe(true);
      }
    });
    topo.hosts.forEach((h) => expect(probed(topo, h.index, h.index)).toBe(false));
  });

  it('does not probe across ToRs from or to a non-representative', () => {
    // h002 (2nd host of r1-dc1-az1-tor1) → h005 (2nd host of r1-dc1-az1-tor2), same AZ.
    expect(probed(topo, at('h002'), at('h005'))).toBe(false);
    expect(probed(topo, at('h001'), at('h005'))).toBe(false);
    expect(probed(topo, at('h005'), at('h001'))).toBe(false);
    forPairs((s, d) => {
      if (topo.hosts[s].tor !== topo.hosts[d].tor && (!isTorRep(topo, s) || !isTorRep(topo, d))) {
        expect(probed(topo, s, d)).toBe(false);
      }
    });
  });

  it('ToR representatives probe each other inside a DC; only DC representatives probe across DCs', () => {
    // r1-dc1 ToR representatives: h001, h004, h007, h010; DC representatives: h001, h013, h025, h037.
    for (const [a, b] of [
      ['h001', 'h010'],
      ['h004', 'h007'],
      ['h001', 'h013'],
      ['h001', 'h037'],
      ['h025', 'h013'],
    ]) {
      expect(probed(topo, at(a), at(b))).toBe(true);
      expect(probed(topo, at(b), at(a))).toBe(true);
    }
    expect(probed(topo, at('h004'), at('h013'))).toBe(false); // ToR rep, not DC rep, other DC
    expect(probed(topo, at('h004'), at('h016'))).toBe(false);
    forPairs((s, d) => {
      const a = topo.hosts[s];
      const b = topo.hosts[d];
      if (a.dc === b.dc && a.tor !== b.tor && isTorRep(topo, s) && isTorRep(topo, d)) {
        expect(probed(topo, s, d)).toBe(true);
      }
      if (a.dc !== b.dc) {
        expect(probed(topo, s, d)).toBe(s % 12 === 0 && d % 12 === 0);
      }
    });
  });
});

describe('sla-mix scenario facts', () => {
  it('are the culprit of the scenario, deterministic per seed, and differ between seeds', () => {
    const sc = makeScenario('sla-mix', topo, 1);
    const facts = slaMixFacts(topo, 1);
    expect(sc.culprit).toEqual({ kind: 'sla-mix', ...facts });
    expect(slaMixFacts(topo, 1)).toEqual(facts);
    const seen = new Set([1, 2, 3, 4, 5].map((seed) => JSON.stringify(slaMixFacts(topo, seed))));
    expect(seen.size).toBeGreaterThan(1);
    expect(culpritText(sc.culprit)).toContain(facts.staleHost);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'seed %i: one lossy link, one failed and one dead pair, a stale host, 4 ToRs',
    (seed) => {
      const f = slaMixFacts(topo, seed);
      expect(f).toMatchObject({ staleMinutes: 3, deadMinutes: 20 });
      expect(f.lossy).toHaveLength(2);
      expect(f.lossy[1]).toEqual({ src: f.lossy[0].dst, dst: f.lossy[0].src });
      expect(f.failed).toHaveLength(1);
      expect(f.dead).toHaveLength(1);
      const pairs = [...f.lossy, ...f.failed, ...f.dead];
      pairs.forEach((p) => expect(probed(topo, at(p.src), at(p.dst))).toBe(true));
      pairs.forEach((p) => expect(topo.hosts[at(p.src)].tor).toBe(topo.hosts[at(p.dst)].tor));
      const stale = at(f.staleHost);
      expect(isTorRep(topo, stale)).toBe(false);
      const tors = [f.lossy[0], f.failed[0], f.dead[0]].map((p) => topo.hosts[at(p.src)].tor);
      tors.push(topo.hosts[stale].tor);
      expect(new Set(tors).size).toBe(4);
    }
  );

  it('refuses a topology without 4 ToRs of 2 hosts', () => {
    const small = buildTopology({ regions: 1, dcsPerRegion: 1, azsPerDc: 1, torsPerAz: 3, hostsPerTor: 4 });
    expect(() => makeScenario('sla-mix', small, 1)).toThrow(/4 ToRs/);
    const thin = buildTopology({ regions: 1, dcsPerRegion: 2, azsPerDc: 1, torsPerAz: 2, hostsPerTor: 1 });
    expect(() => slaMixFacts(thin, 1)).toThrow(/2 hosts per ToR/);
  });
});

interface Line {
  name: string;
  src: string;
  dst: string;
  value: number;
  ts: number;
}

/** Topology-format sample lines (src/dst labels); pingmesh-agent lines are keyed by IP and come back with src = ''. */
function parse(text: string): Line[] {
  return text
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const m = /^([a-z_]+)\{(.*)\} (\S+)(?: (\S+))?$/.exec(l);
      if (!m) {
        throw new Error(`unparsable line: ${l}`);
      }
      const src = /(?:^|,)src="([^"]*)"/.exec(m[2])?.[1] ?? '';
      const dst = /(?:^|,)dst="([^"]*)"/.exec(m[2])?.[1] ?? '';
      return { name: m[1], src, dst, value: Number(m[3]), ts: Number(m[4] ?? NaN) * 1000 };
    });
}

describe('sla-mix OpenMetrics backfill (48 hosts, 30 min at 30 s)', () => {
  const seed = 1;
  const sc = makeScenario('sla-mix', topo, seed);
  const f: SlaMixFacts = slaMixFacts(topo, seed);
  const toMs = 1_700_001_800_000;
  const fromMs = toMs - 30 * 60_000;
  const steps = 61;
  const text = renderOpenMetrics(topo, sc, { fromMs, toMs, stepMs: 30_000, format: 'both' });
  const lines = parse(text);
  const of = (name: string, p: { src: string; dst?: string }) =>
    lines.filter((l) => l.name === name && l.src === p.src && (p.dst === undefined || l.dst === p.dst));
  const near = toMs - 60_000;

  it('is deterministic and valid for promtool (single # EOF, families in order)', () => {
    expect(
      renderOpenMetrics(topo, makeScenario('sla-mix', topo, seed), { fromMs, toMs, stepMs: 30_000, format: 'both' })
    ).toBe(text);
    expect(text.endsWith('\n# EOF\n')).toBe(true);
    const order = lines.map((l) => l.name).filter((x, i, a) => i === 0 || a[i - 1] !== x);
    expect(order).toEqual([METRIC_NAMES.fail, METRIC_NAMES.latency, METRIC_NAMES.loss, METRIC_NAMES.pairFail]);
  });

  it('never exports a pair outside the mesh, in either format', () => {
    for (const l of lines.filter((x) => x.src !== '')) {
      expect(probed(topo, at(l.src), at(l.dst))).toBe(true);
    }
    const keys = new Set(lines.filter((l) => l.name === METRIC_NAMES.loss).map((l) => `${l.src}>${l.dst}`));
    expect(keys.size).toBe(f.probedPairs);
    // pingmesh-agent: only the failed probe shows (nothing else exceeds the 200 ms delay).
    const agent = text.split('\n').filter((l) => l.startsWith(`${METRIC_NAMES.fail}{`));
    const s = topo.hosts[at(f.failed[0].src)];
    const d = topo.hosts[at(f.failed[0].dst)];
    expect(agent).toHaveLength(steps);
    agent.forEach((l) => expect(l).toContain(`{instance="${s.ip}:9115",target="${d.ip}",tor="${s.tor}"} 1 `));
  });

  it('the failed pair: pingmesh_pair_fail 1 and loss 1 at every step, never a latency sample', () => {
    const p = f.failed[0];
    const fail = of(METRIC_NAMES.pairFail, p);
    expect(fail).toHaveLength(steps);
    expect(fail.every((l) => l.value === 1)).toBe(true);
    expect(fail.some((l) => l.ts === near)).toBe(true);
    expect(of(METRIC_NAMES.latency, p)).toHaveLength(0);
    expect(of(METRIC_NAMES.loss, p).every((l) => l.value === 1)).toBe(true);
    expect(lines.filter((l) => l.name === METRIC_NAMES.pairFail).every((l) => l.src === p.src && l.dst === p.dst)).toBe(
      true
    );
  });

  it('the stale host: outgoing series up to 3 minutes before the end, none after; incoming ones unaffected', () => {
    const out = lines.filter((l) => l.src === f.staleHost);
    const cut = toMs - 3 * 60_000;
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((l) => l.ts <= cut)).toBe(true);
    expect(out.some((l) => l.ts === cut)).toBe(true);
    // Non-representative: it probes its ToR only, 2 peers, latency and loss.
    expect(new Set(out.map((l) => `${l.name} ${l.dst}`)).size).toBe(2 * (topo.sizes.hostsPerTor - 1));
    const incoming = lines.filter((l) => l.dst === f.staleHost && l.name === METRIC_NAMES.latency);
    expect(incoming.some((l) => l.ts === toMs)).toBe(true);
  });

  it('the dead pair: samples earlier in the range, none in the last 20 minutes', () => {
    const p = f.dead[0];
    const cut = toMs - 20 * 60_000;
    for (const name of [METRIC_NAMES.latency, METRIC_NAMES.loss]) {
      const dead = of(name, p);
      expect(dead).toHaveLength(21); // from-30 min … end-20 min at 30 s
      expect(dead.every((l) => l.ts <= cut)).toBe(true);
      expect(dead[0].ts).toBe(fromMs);
    }
  });

  it('the lossy link: loss ≈ 0.02 both ways, latency within the intra-ToR baseline band', () => {
    const [lo, hi] = BASELINE_LATENCY_MS.tor;
    for (const p of f.lossy) {
      const loss = of(METRIC_NAMES.loss, p);
      const lat = of(METRIC_NAMES.latency, p);
      expect(loss).toHaveLength(steps);
      expect(lat).toHaveLength(steps);
      loss.forEach((l) => expect(Math.abs(l.value - 0.02)).toBeLessThanOrEqual(0.005));
      lat.forEach((l) => expect(l.value * 1000 >= lo && l.value * 1000 <= hi).toBe(true));
    }
    expect(SLA_MIX_EFFECTS.lossy.loss).toEqual([0.015, 0.025]);
  });

  it('everything else is healthy, and cross-region pairs sit at 30–80 ms', () => {
    const special = new Set([...f.lossy, ...f.failed].map((p) => `${p.src}>${p.dst}`));
    const last = lines.filter((l) => l.ts === near && l.name === METRIC_NAMES.latency);
    expect(last).toHaveLength(f.probedPairs - 1 - 1 - (topo.sizes.hostsPerTor - 1));
    const global = last.filter((l) => topo.hosts[at(l.src)].region !== topo.hosts[at(l.dst)].region);
    expect(global).toHaveLength(f.crossRegionProbedPairs);
    global.forEach((l) => expect(l.value >= 0.03 && l.value <= 0.08).toBe(true));
    lines
      .filter((l) => l.name === METRIC_NAMES.loss && !special.has(`${l.src}>${l.dst}`))
      .forEach((l) => expect(l.value).toBeLessThan(1e-4));
  });
});

describe('sla-mix live /metrics', () => {
  it('has no end, so the dead pair and the stale host never export; the failed pair does', async () => {
    const f = slaMixFacts(topo, 1);
    const text = renderMetricsText(topo, makeScenario('sla-mix', topo, 1), 1_700_000_000_000, 'topology');
    const lines = parse(text);
    expect(lines.filter((l) => l.src === f.staleHost)).toHaveLength(0);
    expect(lines.filter((l) => l.src === f.dead[0].src && l.dst === f.dead[0].dst)).toHaveLength(0);
    expect(lines.filter((l) => l.name === METRIC_NAMES.pairFail)).toMatchObject([{ ...f.failed[0], value: 1 }]);
    expect(lines.filter((l) => l.name === METRIC_NAMES.latency)).toHaveLength(
      f.probedPairs - 1 - 1 - (topo.sizes.hostsPerTor - 1)
    );

    const sim = await startSimServer({ topo, scenario: makeScenario('healthy', topo, 1), format: 'topology' });
    try {
      const info = JSON.parse((await httpGet(`${sim.url}/scenario?name=sla-mix&seed=1`)).body);
      expect(info).toMatchObject({ scenario: 'sla-mix', culprit: { kind: 'sla-mix', ...f } });
      const live = parse((await httpGet(`${sim.url}/metrics`)).body);
      expect(live.filter((l) => l.name === METRIC_NAMES.pairFail)).toMatchObject([{ ...f.failed[0], value: 1 }]);
      expect(live.filter((l) => l.src === f.staleHost)).toHaveLength(0);
      expect(live.filter((l) => l.name === METRIC_NAMES.loss)).toHaveLength(f.probedPairs - 1 - 2);
    } finally {
      await sim.close();
    }
  });
});

// No silent skip: without prometheus and promtool, startPrometheus fails with the install command.

type Result = Array<{ metric: Record<string, string>; value: [number, string] }>;

describe('sla-mix in a real Prometheus (startScenarioStack, 48 hosts, 30 min)', () => {
  jest.setTimeout(60_000);
  let stack: ScenarioStack | undefined;

  beforeAll(async () => {
    stack = await startScenarioStack({ scenario: 'sla-mix', seed: 1, hosts: 48, minutes: 30 });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function query(q: string, timeMs = stack!.gen.toMs): Promise<Result> {
    const url = `${stack!.prom.url}/api/v1/query?query=${encodeURIComponent(q)}&time=${timeMs / 1000}`;
    const body = JSON.parse((await httpGet(url)).body) as { status: string; error?: string; data: { result: Result } };
    if (body.status !== 'success') {
      throw new Error(`query ${q} failed: ${body.error}`);
    }
    return body.data.result;
  }
  const value = async (q: string) => Number((await query(q))[0]?.value[1] ?? NaN);

  it('refuses a backfill too short to show the dead pair before it stops', () => {
    expect(() => generateScenarioFile({ scenario: 'sla-mix', minutes: 20 })).toThrow(/longer than 20 minutes/);
  });

  it('exposes the facts on gen.info.culprit', () => {
    expect(stack!.gen.info.culprit).toEqual({ kind: 'sla-mix', ...slaMixFacts(stack!.gen.topo, 1) });
  });

  it('instant counts at the end: probed − failed − dead latencies, one failed pair, stale host 3 min old', async () => {
    const { gen } = stack!;
    const info = gen.info.culprit;
    if (info.kind !== 'sla-mix') {
      throw new Error(`culprit ${info.kind}`);
    }
    expect(await value('count(pingmesh_pair_latency_seconds)')).toBe(info.probedPairs - 1 - 1);
    expect(await value('count(pingmesh_pair_loss_ratio)')).toBe(info.probedPairs - 1);
    const all = await query('pingmesh_pair_latency_seconds');
    expect(all.filter((r) => r.metric.src_region !== r.metric.dst_region)).toHaveLength(info.crossRegionProbedPairs);

    const fail = await query('pingmesh_pair_fail');
    expect(fail.map((r) => ({ src: r.metric.src, dst: r.metric.dst, v: r.value[1] }))).toEqual([
      { ...info.failed[0], v: '1' },
    ]);

    const ts = await query(`timestamp(pingmesh_pair_latency_seconds{src="${info.staleHost}"})`);
    expect(ts).toHaveLength(topo.sizes.hostsPerTor - 1);
    ts.forEach((r) => expect(Number(r.value[1])).toBeCloseTo(gen.toMs / 1000 - 180, 3));

    const dead = `pingmesh_pair_latency_seconds{src="${info.dead[0].src}",dst="${info.dead[0].dst}"}`;
    expect(await query(dead)).toHaveLength(0);
    expect(await query(dead, gen.toMs - 25 * 60_000)).toHaveLength(1);
    // "No data" is told from "not probed" by looking further back than the lookback.
    expect(await value('count(last_over_time(pingmesh_pair_latency_seconds[30m]))')).toBe(info.probedPairs - 1);
  });
});
