// Healthy-network latency and loss per scope. Pure: no Node or DOM APIs.
import { lerp, unit4 } from './rng';
import { HostPlace, Scope, Topology, scopeOfIndex } from './topology';

export interface Sample {
  /** P99-like round-trip time in milliseconds. */
  latencyMs: number;
  /** Drop ratio 0…1. */
  loss: number;
  /** Probe failed outright (pingmesh-agent exports pingmesh_fail=1). */
  fail: boolean;
}

type ProbedScope = Exclude<Scope, 'self'>;

/** Healthy P99 latency bands in ms (Pingmesh: intra-DC P99 ≈ 0.5 ms; cross-region is distance-bound). */
export const BASELINE_LATENCY_MS: Record<ProbedScope, readonly [number, number]> = {
  tor: [0.1, 0.2],
  az: [0.3, 0.5],
  dc: [0.8, 1.5],
  region: [2, 5],
  global: [30, 80],
};

/** Healthy drop ratio band (Pingmesh reports 1e-5…1e-4). */
export const BASELINE_LOSS: readonly [number, number] = [1e-5, 5e-5];

const SCOPE_KEY: Record<ProbedScope, number> = { tor: 1, az: 2, dc: 3, region: 4, global: 5 };

// The two groups one level below the shared scope: all pairs between them share most of their latency, which is what
// makes real heatmaps show blocks (a region pair is a fixed distance) rather than salt-and-pepper.
function groupPair(scope: ProbedScope, a: HostPlace, b: HostPlace): [number, number] {
  switch (scope) {
    case 'tor':
      return [a.tor, a.tor];
    case 'az':
      return [a.tor, b.tor];
    case 'dc':
      return [a.az, b.az];
    case 'region':
      return [a.dc, b.dc];
    case 'global':
      return [a.region, b.region];
  }
}

/** Time bucket for jitter: one value per second, so the same scrape second always reads the same number. */
export function tsKey(tsMs: number): number {
  return Math.floor(tsMs / 1000);
}

/**
 * Healthy sample for src → dst (src ≠ dst). Always inside the scope's band: 70 % of the band is fixed per group pair
 * (symmetric), 15 % per ordered host pair, 15 % jitter per second.
 */
export function baselineSample(topo: Topology, src: number, dst: number, tsMs: number, seed: number): Sample {
  const scope = scopeOfIndex(topo, src, dst);
  if (scope === 'self') {
    return { latencyMs: 0, loss: 0, fail: false };
  }
  const [g1, g2] = groupPair(scope, topo.places[src], topo.places[dst]);
  const lo = Math.min(g1, g2);
  const hi = Math.max(g1, g2);
  const t = tsKey(tsMs);
  const uGroup = unit4(seed, SCOPE_KEY[scope], lo, hi);
  const uPair = unit4(seed ^ 0x5bd1e995, src, dst, 1);
  const uTime = unit4(seed, src * 65536 + dst, t, 2);
  const uLoss = unit4(seed, src * 65536 + dst, t, 3);
  const [min, max] = BASELINE_LATENCY_MS[scope];
  return {
    latencyMs: lerp(min, max, 0.7 * uGroup + 0.15 * uPair + 0.15 * uTime),
    loss: lerp(BASELINE_LOSS[0], BASELINE_LOSS[1], 0.5 * uPair + 0.5 * uLoss),
    fail: false,
  };
}
