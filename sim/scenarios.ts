// Failure scenarios with a known culprit, so tests and demos know what the heatmap must reveal. Pure: no Node/DOM APIs.
import { Sample, baselineSample, tsKey } from './baseline';
import { hashString, lerp, mulberry32, unit4 } from './rng';
import { Host, Topology, TopologySizes } from './topology';

export const SCENARIOS = [
  'healthy',
  'tor-down',
  'bad-host',
  'bad-host-src',
  'bad-host-dst',
  'spine-loss',
  'interdc-congestion',
  'noise',
] as const;

export type ScenarioName = (typeof SCENARIOS)[number];

export type Culprit =
  | { kind: 'none' }
  | { kind: 'tor'; id: string }
  | { kind: 'host'; id: string; ip: string; role: 'both' | 'src' | 'dst' }
  | { kind: 'dc'; id: string }
  | { kind: 'dc-pair'; ids: [string, string] }
  | { kind: 'pairs'; pairs: Array<{ src: string; dst: string }> };

export interface Scenario {
  name: ScenarioName;
  seed: number;
  culprit: Culprit;
  describe: string;
  /** True when the scenario degrades src → dst (never for src === dst). */
  affects(src: number, dst: number): boolean;
}

/** What an affected pair looks like. With `additive` the latency band is added to the healthy value, else replaces it. */
export interface Effect {
  latencyMs: readonly [number, number];
  additive?: boolean;
  loss: readonly [number, number];
  fail: boolean;
}

const BAD_HOST: Effect = { latencyMs: [20, 60], loss: [0.03, 0.07], fail: false };

export const EFFECTS: Record<ScenarioName, Effect | null> = {
  healthy: null,
  // Lower bound just above pingmesh-agent's default 200 ms delay so every affected pair is exported.
  'tor-down': { latencyMs: [201, 1000], loss: [0.3, 1], fail: true },
  'bad-host': BAD_HOST,
  'bad-host-src': BAD_HOST,
  'bad-host-dst': BAD_HOST,
  'spine-loss': { latencyMs: [5, 15], loss: [0.01, 0.05], fail: false },
  'interdc-congestion': { latencyMs: [20, 50], additive: true, loss: [0.004, 0.006], fail: false },
  noise: { latencyMs: [20, 200], loss: [0.01, 0.2], fail: false },
};

export function isScenarioName(s: string): s is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(s);
}

// The bad-host variants share one key so a given seed blames the same host in all three (easy to compare views).
function pickRng(name: ScenarioName, seed: number): () => number {
  const family = name.startsWith('bad-host') ? 'bad-host' : name;
  return mulberry32(hashString(family) ^ Math.imul(seed | 0, 0x9e3779b1));
}

function pick(rng: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(rng() * n));
}

export function makeScenario(name: ScenarioName, topo: Topology, seed: number): Scenario {
  const rng = pickRng(name, seed);
  const { hosts, places, tors, dcs } = topo;
  const base = { name, seed };
  switch (name) {
    case 'healthy':
      return { ...base, culprit: { kind: 'none' }, describe: 'all pairs within baseline', affects: () => false };
    case 'tor-down': {
      const t = pick(rng, tors.length);
      return {
        ...base,
        culprit: { kind: 'tor', id: tors[t] },
        describe: `ToR ${tors[t]} failing: every pair to or from its hosts times out (cross in the matrix)`,
        affects: (s, d) => s !== d && (places[s].tor === t || places[d].tor === t),
      };
    }
    case 'bad-host':
    case 'bad-host-src':
    case 'bad-host-dst': {
      const h = pick(rng, hosts.length);
      const role = name === 'bad-host' ? 'both' : name === 'bad-host-src' ? 'src' : 'dst';
      const shape = role === 'both' ? 'row and column' : role === 'src' ? 'row' : 'column';
      return {
        ...base,
        culprit: { kind: 'host', id: hosts[h].name, ip: hosts[h].ip, role },
        describe: `host ${hosts[h].name} (${hosts[h].ip}) slow and lossy as ${role} (bad ${shape})`,
        affects: (s, d) => s !== d && ((role !== 'dst' && s === h) || (role !== 'src' && d === h)),
      };
    }
    case 'spine-loss': {
      if (topo.sizes.azsPerDc * topo.sizes.torsPerAz < 2) {
        throw new Error('spine-loss needs at least 2 ToRs per DC');
      }
      const dc = pick(rng, dcs.length);
      return {
        ...base,
        culprit: { kind: 'dc', id: dcs[dc] },
        describe: `spine of ${dcs[dc]} dropping: all cross-ToR pairs inside it lossy, intra-ToR diagonal healthy`,
        affects: (s, d) => places[s].dc === dc && places[d].dc === dc && places[s].tor !== places[d].tor,
      };
    }
    case 'interdc-congestion': {
      if (dcs.length < 2) {
        throw new Error('interdc-congestion needs at least 2 DCs');
      }
      const a = pick(rng, dcs.length);
      const b = (a + 1 + pick(rng, dcs.length - 1)) % dcs.length;
      const [x, y] = a < b ? [a, b] : [b, a];
      return {
        ...base,
        culprit: { kind: 'dc-pair', ids: [dcs[x], dcs[y]] },
        describe: `link between ${dcs[x]} and ${dcs[y]} congested both ways (two off-diagonal blocks)`,
        affects: (s, d) => {
          const p = places[s].dc;
          const q = places[d].dc;
          return (p === x && q === y) || (p === y && q === x);
        },
      };
    }
    case 'noise':
      return makeNoise(base, topo, rng);
  }
}

// ≈1 % of ordered pairs, drawn without replacement, so the expected set is exact and listable.
function makeNoise(base: { name: ScenarioName; seed: number }, topo: Topology, rng: () => number): Scenario {
  const n = topo.hosts.length;
  const total = n * (n - 1);
  const want = total === 0 ? 0 : Math.max(1, Math.round(total * 0.01));
  const keys = new Set<number>();
  while (keys.size < want) {
    const s = pick(rng, n);
    const d = pick(rng, n);
    if (s !== d) {
      keys.add(s * n + d);
    }
  }
  const sorted = [...keys].sort((p, q) => p - q);
  const pairs = sorted.map((k) => ({ src: topo.hosts[Math.floor(k / n)].name, dst: topo.hosts[k % n].name }));
  return {
    ...base,
    culprit: { kind: 'pairs', pairs },
    describe: `${pairs.length} random pairs (≈1 %) bad with no common cause`,
    affects: (s, d) => keys.has(s * n + d),
  };
}

/**
 * One probe result for src → dst at tsMs. Self pairs return zeros: pingmesh does not probe them and the writers skip
 * them. Deterministic in (topology, scenario, src, dst, second of tsMs, seed).
 */
export function samplePair(
  topo: Topology,
  scenario: Scenario,
  srcIndex: number,
  dstIndex: number,
  tsMs: number,
  seed: number
): Sample {
  const healthy = baselineSample(topo, srcIndex, dstIndex, tsMs, seed);
  const effect = EFFECTS[scenario.name];
  if (srcIndex === dstIndex || effect === null || !scenario.affects(srcIndex, dstIndex)) {
    return healthy;
  }
  const t = tsKey(tsMs);
  const uLat = unit4(seed ^ 0x27d4eb2f, srcIndex, dstIndex, t);
  const uLoss = unit4(seed ^ 0x165667b1, srcIndex, dstIndex, t);
  const extra = lerp(effect.latencyMs[0], effect.latencyMs[1], uLat);
  const latencyMs = effect.additive ? healthy.latencyMs + extra : extra;
  return { latencyMs, loss: lerp(effect.loss[0], effect.loss[1], uLoss), fail: effect.fail };
}

/** JSON description served at /scenario and returned by generateScenarioFile: what the matrix should reveal. */
export interface ScenarioInfo {
  scenario: ScenarioName;
  seed: number;
  describe: string;
  culprit: Culprit;
  sizes: TopologySizes;
  hosts: Host[];
}

export function scenarioInfo(topo: Topology, scenario: Scenario): ScenarioInfo {
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    describe: scenario.describe,
    culprit: scenario.culprit,
    sizes: topo.sizes,
    hosts: topo.hosts,
  };
}

/** One-line culprit for logs: `tor r1-dc2-az1-tor2`, `host h007 (src)`, `24 pairs`. */
export function culpritText(c: Culprit): string {
  switch (c.kind) {
    case 'none':
      return 'none';
    case 'tor':
    case 'dc':
      return `${c.kind} ${c.id}`;
    case 'host':
      return `host ${c.id} ${c.ip} (${c.role})`;
    case 'dc-pair':
      return `dc-pair ${c.ids[0]} <-> ${c.ids[1]}`;
    case 'pairs':
      return `${c.pairs.length} random pairs`;
  }
}
