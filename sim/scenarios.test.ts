import { BASELINE_LATENCY_MS, BASELINE_LOSS, Sample, baselineSample } from './baseline';
import { EFFECTS, SCENARIOS, Scenario, ScenarioName, makeScenario, samplePair } from './scenarios';
import { Topology, buildTopology, scopeOfIndex } from './topology';

const topo = buildTopology({ regions: 2, dcsPerRegion: 2, azsPerDc: 2, torsPerAz: 2, hostsPerTor: 3 });
const n = topo.hosts.length;
const TIMES = [1_700_000_000_000, 1_700_000_030_000, 1_700_000_061_500];

function forPairs(fn: (s: number, d: number) => void): void {
  for (let s = 0; s < n; s++) {
    for (let d = 0; d < n; d++) {
      if (s !== d) {
        fn(s, d);
      }
    }
  }
}

function isBaseline(t: Topology, s: number, d: number, x: Sample): boolean {
  const scope = scopeOfIndex(t, s, d);
  if (scope === 'self') {
    return false;
  }
  const [lo, hi] = BASELINE_LATENCY_MS[scope];
  return x.latencyMs >= lo && x.latencyMs <= hi && x.loss >= BASELINE_LOSS[0] && x.loss <= BASELINE_LOSS[1] && !x.fail;
}

function inEffect(name: ScenarioName, t: Topology, s: number, d: number, ts: number, x: Sample): boolean {
  const e = EFFECTS[name];
  if (!e) {
    return false;
  }
  const base = e.additive ? baselineSample(t, s, d, ts, 1).latencyMs : 0;
  return (
    x.latencyMs >= base + e.latencyMs[0] &&
    x.latencyMs <= base + e.latencyMs[1] &&
    x.loss >= e.loss[0] &&
    x.loss <= e.loss[1] &&
    x.fail === e.fail
  );
}

/** Every affected pair carries the scenario's effect, every other pair is healthy. */
function checkScenario(sc: Scenario): number {
  let bad = 0;
  forPairs((s, d) => {
    for (const ts of TIMES) {
      const x = samplePair(topo, sc, s, d, ts, 1);
      if (sc.affects(s, d)) {
        expect(inEffect(sc.name, topo, s, d, ts, x)).toBe(true);
      } else {
        expect(isBaseline(topo, s, d, x)).toBe(true);
      }
    }
    bad += sc.affects(s, d) ? 1 : 0;
  });
  return bad;
}

describe('scenarios', () => {
  it('pick the same culprit and samples for the same seed, another culprit for some other seed', () => {
    for (const name of SCENARIOS) {
      const a = makeScenario(name, topo, 7);
      const b = makeScenario(name, topo, 7);
      expect(b.culprit).toEqual(a.culprit);
      expect(samplePair(topo, b, 3, 40, TIMES[0], 7)).toEqual(samplePair(topo, a, 3, 40, TIMES[0], 7));
    }
    const culprits = new Set([1, 2, 3, 4, 5, 6].map((s) => JSON.stringify(makeScenario('tor-down', topo, s).culprit)));
    expect(culprits.size).toBeGreaterThan(1);
  });

  it('healthy: every pair within the baseline band of its scope', () => {
    expect(checkScenario(makeScenario('healthy', topo, 1))).toBe(0);
  });

  it('tor-down: the cross of the culprit ToR (row + column, including its own pairs) fails', () => {
    const sc = makeScenario('tor-down', topo, 1);
    if (sc.culprit.kind !== 'tor') {
      throw new Error('wrong culprit kind');
    }
    const tor = sc.culprit.id;
    const under = topo.hosts.filter((h) => h.tor === tor).length;
    expect(checkScenario(sc)).toBe(under * (n - 1) * 2 - under * (under - 1));
    forPairs((s, d) => expect(sc.affects(s, d)).toBe(topo.hosts[s].tor === tor || topo.hosts[d].tor === tor));
  });

  it('bad-host variants blame the same host as row+column, row only, column only', () => {
    const both = makeScenario('bad-host', topo, 5);
    const src = makeScenario('bad-host-src', topo, 5);
    const dst = makeScenario('bad-host-dst', topo, 5);
    if (both.culprit.kind !== 'host' || src.culprit.kind !== 'host' || dst.culprit.kind !== 'host') {
      throw new Error('wrong culprit kind');
    }
    expect(src.culprit.id).toBe(both.culprit.id);
    expect(dst.culprit.id).toBe(both.culprit.id);
    const culpritName = both.culprit.id;
    const h = topo.hosts.findIndex((x) => x.name === culpritName);
    expect(checkScenario(both)).toBe(2 * (n - 1));
    expect(checkScenario(src)).toBe(n - 1);
    expect(checkScenario(dst)).toBe(n - 1);
    expect(src.affects(h, (h + 1) % n) && !src.affects((h + 1) % n, h)).toBe(true);
    expect(dst.affects((h + 1) % n, h) && !dst.affects(h, (h + 1) % n)).toBe(true);
  });

  it('spine-loss: cross-ToR pairs inside the DC are lossy, its intra-ToR diagonal stays healthy', () => {
    const sc = makeScenario('spine-loss', topo, 1);
    if (sc.culprit.kind !== 'dc') {
      throw new Error('wrong culprit kind');
    }
    const dc = sc.culprit.id;
    checkScenario(sc);
    forPairs((s, d) => {
      const a = topo.hosts[s];
      const b = topo.hosts[d];
      expect(sc.affects(s, d)).toBe(a.dc === dc && b.dc === dc && a.tor !== b.tor);
    });
  });

  it('interdc-congestion: both directions between two distinct DCs, latency added on top of baseline', () => {
    const sc = makeScenario('interdc-congestion', topo, 1);
    if (sc.culprit.kind !== 'dc-pair') {
      throw new Error('wrong culprit kind');
    }
    const [x, y] = sc.culprit.ids;
    expect(x).not.toBe(y);
    expect(checkScenario(sc)).toBe(2 * 12 * 12);
    forPairs((s, d) => {
      const p = [topo.hosts[s].dc, topo.hosts[d].dc].sort().join();
      expect(sc.affects(s, d)).toBe(p === [x, y].sort().join());
    });
  });

  it('noise: about 1 % of ordered pairs, exactly the listed ones', () => {
    const sc = makeScenario('noise', topo, 1);
    if (sc.culprit.kind !== 'pairs') {
      throw new Error('wrong culprit kind');
    }
    expect(sc.culprit.pairs).toHaveLength(Math.round(n * (n - 1) * 0.01));
    expect(checkScenario(sc)).toBe(sc.culprit.pairs.length);
    const byName = new Map(topo.hosts.map((h) => [h.name, h.index]));
    sc.culprit.pairs.forEach((p) => expect(sc.affects(byName.get(p.src) ?? -1, byName.get(p.dst) ?? -1)).toBe(true));
  });

  it('cross-region latency is fixed per region pair apart from small jitter', () => {
    const sc = makeScenario('healthy', topo, 1);
    const a = samplePair(topo, sc, 0, 24, TIMES[0], 1).latencyMs;
    const b = samplePair(topo, sc, 5, 40, TIMES[1], 1).latencyMs;
    expect(Math.abs(a - b)).toBeLessThan(0.3 * (80 - 30));
  });

  it('refuses scenarios the topology cannot express', () => {
    const flat = buildTopology({ regions: 1, dcsPerRegion: 1, azsPerDc: 1, torsPerAz: 1, hostsPerTor: 4 });
    expect(() => makeScenario('spine-loss', flat, 1)).toThrow(/2 ToRs/);
    expect(() => makeScenario('interdc-congestion', flat, 1)).toThrow(/2 DCs/);
  });
});

describe('a fault with an onset (startsMs)', () => {
  it('is healthy before its start and faulty from it on, for the same pair', () => {
    const scenario = { ...makeScenario('tor-down', topo, 1), startsMs: TIMES[1] };
    let affected = 0;
    forPairs((s, d) => {
      if (!scenario.affects(s, d)) {
        return;
      }
      affected++;
      expect(isBaseline(topo, s, d, samplePair(topo, scenario, s, d, TIMES[0], 1))).toBe(true);
      expect(inEffect('tor-down', topo, s, d, TIMES[1], samplePair(topo, scenario, s, d, TIMES[1], 1))).toBe(true);
      expect(inEffect('tor-down', topo, s, d, TIMES[2], samplePair(topo, scenario, s, d, TIMES[2], 1))).toBe(true);
    });
    expect(affected).toBeGreaterThan(0);
  });
});
