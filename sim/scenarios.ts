// Failure scenarios with a known culprit, so tests and demos know what the heatmap must reveal. Pure: no Node/DOM APIs.
import { Sample, baselineSample, tsKey } from './baseline';
import { hashString, lerp, mulberry32, unit4 } from './rng';
import { Host, Topology, TopologySizes, scopeOfIndex } from './topology';

export const SCENARIOS = [
  'healthy',
  'tor-down',
  'bad-host',
  'bad-host-src',
  'bad-host-dst',
  'spine-loss',
  'interdc-congestion',
  'noise',
  'sla-mix',
] as const;

export type ScenarioName = (typeof SCENARIOS)[number];

export type Culprit =
  | { kind: 'none' }
  | { kind: 'tor'; id: string }
  | { kind: 'host'; id: string; ip: string; role: 'both' | 'src' | 'dst' }
  | { kind: 'dc'; id: string }
  | { kind: 'dc-pair'; ids: [string, string] }
  | { kind: 'pairs'; pairs: Array<{ src: string; dst: string }> }
  | ({ kind: 'sla-mix' } & SlaMixFacts);

export interface PairName {
  src: string;
  dst: string;
}

/**
 * What the sla-mix scenario puts where, so a test can expect counts per cell state without re-implementing the rules.
 * Host names as in the topology (`h001`…). The lossy, failed and dead pairs and the stale host sit in four different
 * ToRs, so no pair is in two states.
 */
export interface SlaMixFacts {
  /** One intra-ToR link, both directions (2 ordered pairs): loss 0.015–0.025, latency at baseline. */
  lossy: PairName[];
  /** 1 ordered pair whose probes fail: `pingmesh_pair_fail 1`, loss 1, no latency sample. */
  failed: PairName[];
  /** 1 ordered pair whose series (all metrics) stop `deadMinutes` before the end of a backfill: no data now. */
  dead: PairName[];
  /** A non-representative host whose outgoing series (all metrics) stop `staleMinutes` before the end of a backfill. */
  staleHost: string;
  staleMinutes: 3;
  deadMinutes: 20;
  /** Ordered pairs of the sparse mesh (`probed`), self excluded: the ones with series at all. */
  probedPairs: number;
  /** Of those, pairs between two regions (DC representatives only), baseline 30–80 ms. */
  crossRegionProbedPairs: number;
}

export interface Scenario {
  name: ScenarioName;
  seed: number;
  culprit: Culprit;
  describe: string;
  /** True when the scenario degrades src → dst (never for src === dst). */
  affects(src: number, dst: number): boolean;
  /** Effect per pair when a scenario mixes several (sla-mix); absent = EFFECTS[name] on the pairs it affects. */
  effect?(src: number, dst: number): Effect | null;
  /** Pairs that have series at all (sla-mix's sparse mesh); absent = full mesh. Never consulted for src === dst. */
  probed?(src: number, dst: number): boolean;
  /**
   * Newest timestamp (ms) at which src → dst still exports, for a backfill ending at `endMs`, or live (`endMs`
   * undefined); absent = always. -Infinity = never.
   */
  lastSampleMs?(src: number, dst: number, endMs: number | undefined): number;
  /** The fault begins at this time (ms): every sample before it is healthy, so a range shows it start. Absent = always. */
  startsMs?: number;
}

/** What an affected pair looks like. With `additive` the latency band is added to the healthy value, else replaces it. */
export interface Effect {
  latencyMs: readonly [number, number];
  additive?: boolean;
  loss: readonly [number, number];
  fail: boolean;
  /** No RTT at all (every probe lost): the sample's latencyMs is NaN and no latency sample is exported. */
  noLatency?: boolean;
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
  // Several effects, per pair: SLA_MIX_EFFECTS.
  'sla-mix': null,
};

/** sla-mix's per-pair effects: a lossy link at normal latency, and a probe that fails outright. */
export const SLA_MIX_EFFECTS = {
  lossy: { latencyMs: [0, 0], additive: true, loss: [0.015, 0.025], fail: false },
  failed: { latencyMs: [0, 0], loss: [1, 1], fail: true, noLatency: true },
} as const satisfies Record<string, Effect>;

/** Minutes before the end of a backfill at which sla-mix's stale host and dead pair stop exporting. */
export const SLA_MIX_STALE_MINUTES = 3;
export const SLA_MIX_DEAD_MINUTES = 20;

/**
 * Shortest backfill (minutes, exclusive) that shows every state of the scenario: sla-mix's dead pair must have samples
 * before it stops, else it cannot be told from a pair that is not probed. 0 = any length.
 */
export function minBackfillMinutes(name: ScenarioName): number {
  return name === 'sla-mix' ? SLA_MIX_DEAD_MINUTES : 0;
}

/** Throws when `minutes` of backfill cannot show every state of the scenario (minBackfillMinutes). */
export function checkBackfillMinutes(name: ScenarioName, minutes: number): void {
  const min = minBackfillMinutes(name);
  if (min > 0 && !(minutes > min)) {
    throw new Error(`${name} needs a backfill longer than ${min} minutes (got ${minutes}), e.g. --minutes 30`);
  }
}

/** True when the scenario can mark a probe as failed, so the topology format carries `pingmesh_pair_fail`. */
export function canFail(name: ScenarioName): boolean {
  return name === 'sla-mix' || EFFECTS[name]?.fail === true;
}

// First host of its ToR / of its DC (hosts are laid out group by group, so the first of a run of equal groups).
function isTorRep(topo: Topology, i: number): boolean {
  return i === 0 || topo.places[i - 1].tor !== topo.places[i].tor;
}

function isDcRep(topo: Topology, i: number): boolean {
  return i === 0 || topo.places[i - 1].dc !== topo.places[i].dc;
}

/**
 * Pingmesh's three-level probing (SIGCOMM 2015): every host probes every other host of its ToR; across ToRs inside a
 * DC only the ToRs' first hosts (ToR representatives) probe each other; across DCs (and regions) only the DCs' first
 * hosts. Everything else, and self, is not probed. Host indices.
 */
export function probed(topo: Topology, s: number, d: number): boolean {
  if (s === d) {
    return false;
  }
  const a = topo.places[s];
  const b = topo.places[d];
  if (a.tor === b.tor) {
    return true;
  }
  if (a.dc === b.dc) {
    return isTorRep(topo, s) && isTorRep(topo, d);
  }
  return isDcRep(topo, s) && isDcRep(topo, d);
}

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
    case 'sla-mix':
      return makeSlaMix(base, topo, rng);
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

interface SlaMixPlan {
  facts: SlaMixFacts;
  /** Ordered-pair key s·n + d → effect. */
  effects: Map<number, Effect>;
  dead: number;
  stale: number;
}

const pairKey = (topo: Topology, s: number, d: number) => s * topo.hosts.length + d;

// Four distinct ToRs (lossy, failed, dead, stale), then positions inside each. Hosts are laid out ToR by ToR, so
// position p of ToR t is host t·hostsPerTor + p.
function planSlaMix(topo: Topology, rng: () => number): SlaMixPlan {
  const per = topo.sizes.hostsPerTor;
  if (topo.tors.length < 4 || per < 2) {
    throw new Error('sla-mix needs at least 4 ToRs and 2 hosts per ToR');
  }
  const order = topo.tors.map((_, i) => i);
  for (let i = 0; i < 4; i++) {
    const j = i + pick(rng, order.length - i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const pairIn = (t: number): [number, number] => {
    const p = pick(rng, per);
    const q = (p + 1 + pick(rng, per - 1)) % per;
    return [t * per + p, t * per + q];
  };
  const [la, lb] = pairIn(order[0]);
  const [fs, fd] = pairIn(order[1]);
  const [ds, dd] = pairIn(order[2]);
  const stale = order[3] * per + 1 + pick(rng, per - 1);
  const effects = new Map<number, Effect>([
    [pairKey(topo, la, lb), SLA_MIX_EFFECTS.lossy],
    [pairKey(topo, lb, la), SLA_MIX_EFFECTS.lossy],
    [pairKey(topo, fs, fd), SLA_MIX_EFFECTS.failed],
  ]);
  const name = (i: number) => topo.hosts[i].name;
  const pair = (s: number, d: number): PairName => ({ src: name(s), dst: name(d) });
  let probedPairs = 0;
  let crossRegionProbedPairs = 0;
  const n = topo.hosts.length;
  for (let s = 0; s < n; s++) {
    for (let d = 0; d < n; d++) {
      if (probed(topo, s, d)) {
        probedPairs++;
        crossRegionProbedPairs += scopeOfIndex(topo, s, d) === 'global' ? 1 : 0;
      }
    }
  }
  return {
    facts: {
      lossy: [pair(la, lb), pair(lb, la)],
      failed: [pair(fs, fd)],
      dead: [pair(ds, dd)],
      staleHost: name(stale),
      staleMinutes: SLA_MIX_STALE_MINUTES,
      deadMinutes: SLA_MIX_DEAD_MINUTES,
      probedPairs,
      crossRegionProbedPairs,
    },
    effects,
    dead: pairKey(topo, ds, dd),
    stale,
  };
}

/** The facts of `makeScenario('sla-mix', topo, seed)` (its culprit without `kind`). */
export function slaMixFacts(topo: Topology, seed: number): SlaMixFacts {
  return planSlaMix(topo, pickRng('sla-mix', seed)).facts;
}

// Live (/metrics has no "end"), the dead pair and the stale host never export: the dead pair stays dead and the stale
// host, last seen in the backfill, turns into no data once Prometheus' 5-minute lookback runs out.
function makeSlaMix(base: { name: ScenarioName; seed: number }, topo: Topology, rng: () => number): Scenario {
  const plan = planSlaMix(topo, rng);
  const f = plan.facts;
  const effect = (s: number, d: number) => plan.effects.get(pairKey(topo, s, d)) ?? null;
  return {
    ...base,
    culprit: { kind: 'sla-mix', ...f },
    describe:
      `sparse Pingmesh mesh (${f.probedPairs} probed pairs, ${f.crossRegionProbedPairs} cross-region): ` +
      `${f.lossy[0].src} <-> ${f.lossy[0].dst} lossy, ${f.failed[0].src} -> ${f.failed[0].dst} probe failing, ` +
      `${f.dead[0].src} -> ${f.dead[0].dst} no data for ${f.deadMinutes} min, ` +
      `${f.staleHost} stale for ${f.staleMinutes} min`,
    affects: (s, d) => effect(s, d) !== null,
    effect,
    probed: (s, d) => probed(topo, s, d),
    lastSampleMs: (s, d, endMs) => {
      const minutes =
        s === plan.stale ? SLA_MIX_STALE_MINUTES : pairKey(topo, s, d) === plan.dead ? SLA_MIX_DEAD_MINUTES : 0;
      if (minutes === 0) {
        return Infinity;
      }
      return endMs === undefined ? -Infinity : endMs - minutes * 60_000;
    },
  };
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
 * them. Deterministic in (topology, scenario, src, dst, second of tsMs, seed). Whether the pair exports at all
 * (`Scenario.probed`, `Scenario.lastSampleMs`) is the writers' business: here every pair has a value.
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
  if (srcIndex === dstIndex || (scenario.startsMs !== undefined && tsMs < scenario.startsMs)) {
    return healthy;
  }
  const named = EFFECTS[scenario.name];
  const effect = scenario.effect
    ? scenario.effect(srcIndex, dstIndex)
    : named !== null && scenario.affects(srcIndex, dstIndex)
      ? named
      : null;
  if (effect === null) {
    return healthy;
  }
  const t = tsKey(tsMs);
  const uLat = unit4(seed ^ 0x27d4eb2f, srcIndex, dstIndex, t);
  const uLoss = unit4(seed ^ 0x165667b1, srcIndex, dstIndex, t);
  const extra = lerp(effect.latencyMs[0], effect.latencyMs[1], uLat);
  const latencyMs = effect.noLatency ? NaN : effect.additive ? healthy.latencyMs + extra : extra;
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
  /** When the fault began (ms), if it did during the data. */
  startsMs?: number;
}

export function scenarioInfo(topo: Topology, scenario: Scenario): ScenarioInfo {
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    describe: scenario.describe,
    culprit: scenario.culprit,
    sizes: topo.sizes,
    hosts: topo.hosts,
    ...(scenario.startsMs !== undefined && { startsMs: scenario.startsMs }),
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
    case 'sla-mix':
      return (
        `sla-mix ${c.probedPairs} probed pairs, lossy ${c.lossy[0].src}<->${c.lossy[0].dst}, ` +
        `failed ${c.failed[0].src}->${c.failed[0].dst}, dead ${c.dead[0].src}->${c.dead[0].dst}, stale ${c.staleHost}`
      );
  }
}
