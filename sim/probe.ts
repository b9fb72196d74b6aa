// What an exporter's single probe of src → dst measures, from the scenario's Sample. Pure: no Node or DOM APIs.
//
// The scenario speaks in network terms (a P99-like RTT of a TCP-ish ping, a drop ratio, a failure flag); exporters
// measure different things: an HTTP GET (kubenurse, Goldpinger) costs a TCP handshake and a request, a UDP echo
// (Goldpinger's opt-in probe) about one RTT, an RDMA probe (R-Pingmesh) a few microseconds of fabric. Each kind has
// its own healthy band per scope; a fault adds what it adds to the network on top (`latency − healthy latency`).
import { BASELINE_LATENCY_MS, baselineSample } from './baseline';
import { lerp, unit4 } from './rng';
import { Scenario, samplePair } from './scenarios';
import { Scope, Topology, scopeOfIndex } from './topology';

export type ProbeKind = 'http' | 'udp' | 'rdma';
type ProbedScope = Exclude<Scope, 'self'>;

/** Healthy latency bands (ms) per probe kind and scope; `self` is a host probing itself (Goldpinger does). */
export const PROBE_BANDS_MS: Record<ProbeKind, Record<Scope, readonly [number, number]>> = {
  // HTTP GET over a fresh TCP connection: ~2 RTTs plus the server; milliseconds even inside a ToR.
  http: { self: [0.3, 0.6], tor: [0.6, 1.2], az: [0.8, 1.6], dc: [1.2, 2.5], region: [3, 8], global: [60, 160] },
  // UDP echo from user space: about the network RTT (the scenario's own bands).
  udp: { self: [0.03, 0.06], ...BASELINE_LATENCY_MS },
  // RoCE network RTT (NIC timestamps, host delays excluded): microseconds in the fabric, a metro link between DCs.
  // A RoCE fabric ends at its region: R-Pingmesh's pinglists never hold cross-region pairs (`global` is not probed).
  rdma: {
    self: [0.001, 0.002],
    tor: [0.002, 0.004],
    az: [0.004, 0.008],
    dc: [0.008, 0.016],
    region: [0.2, 0.5],
    global: [30, 80],
  },
};

/** Linux' minimum TCP retransmission timeout: an HTTP probe whose packet is lost is this much slower. */
export const TCP_RTO_MS = 200;
/** Packets per HTTP probe that a loss can hit (handshake, request, response, teardown). */
const HTTP_PACKETS = 6;
/**
 * Below this drop ratio (the healthy 1e-5…5e-5) a single probe's retransmit or lost echo is too rare to model: it
 * would paint random blips (a 10 % UDP loss, a 200 ms ping) on a healthy mesh. Batches (R-Pingmesh) keep it.
 */
const RARE_LOSS = 1e-3;

export interface ProbeLatency {
  /** What the exporter would read for a successful probe, ms; NaN = no RTT at all (every packet lost). */
  latencyMs: number;
  loss: number;
  /** The scenario says the pair's probes fail (tor-down, sla-mix's failed pair). */
  fail: boolean;
}

/** The probe kind's latency for src → dst at tMs (self pairs included), with the scenario's fault added. */
export function probeLatency(
  kind: ProbeKind,
  topo: Topology,
  scenario: Scenario,
  s: number,
  d: number,
  tMs: number
): ProbeLatency {
  const seed = scenario.seed;
  const scope = scopeOfIndex(topo, s, d);
  const band = PROBE_BANDS_MS[kind][scope];
  if (scope === 'self') {
    return { latencyMs: lerp(band[0], band[1], unit4(seed, s, Math.floor(tMs / 1000), 11)), loss: 0, fail: false };
  }
  const healthy = baselineSample(topo, s, d, tMs, seed);
  const actual = samplePair(topo, scenario, s, d, tMs, seed);
  const [lo, hi] = BASELINE_LATENCY_MS[scope as ProbedScope];
  const u = Math.min(1, Math.max(0, (healthy.latencyMs - lo) / (hi - lo)));
  const extra = Math.max(0, actual.latencyMs - healthy.latencyMs);
  return { latencyMs: lerp(band[0], band[1], u) + extra, loss: actual.loss, fail: actual.fail };
}

/** Per-probe random numbers, stateless: (seed, pair, slot, salt) → [0, 1). */
export function probeUnit(seed: number, s: number, d: number, slot: number, salt: number): number {
  return unit4(seed ^ Math.imul(salt, 0x2c1b3c6d), s * 65536 + d, slot, salt);
}

export interface HttpOutcome {
  ok: boolean;
  /** Response time of a successful probe, ms. */
  ms: number;
}

/**
 * One HTTP probe. A failing pair (the scenario's `fail`) times out with probability max(½, loss) and otherwise
 * answers slowly; a lossy one answers TCP_RTO_MS later when one of its packets is lost (1 − (1 − loss)^6).
 */
export function httpProbe(p: ProbeLatency, u1: number, u2: number): HttpOutcome {
  if (Number.isNaN(p.latencyMs) || (p.fail && u1 < Math.max(0.5, p.loss))) {
    return { ok: false, ms: NaN };
  }
  const retransmit = p.loss >= RARE_LOSS && u2 < 1 - (1 - p.loss) ** HTTP_PACKETS;
  return { ok: true, ms: p.latencyMs + (retransmit ? TCP_RTO_MS : 0) };
}

/** Packets lost out of `count` (each lost with the pair's drop ratio, if not rare; all of them when there is no RTT). */
export function packetsLost(p: ProbeLatency, count: number, unit: (i: number) => number): number {
  const loss = Number.isNaN(p.latencyMs) ? 1 : p.loss >= RARE_LOSS ? p.loss : 0;
  let lost = 0;
  for (let i = 0; i < count; i++) {
    lost += unit(i) < loss ? 1 : 0;
  }
  return lost;
}

/** Failure share of a batch of RDMA probes: all when there is no RTT, ≥ ½ for a failing pair, else the drop ratio. */
export function rdmaFailShare(p: ProbeLatency): number {
  return Number.isNaN(p.latencyMs) ? 1 : p.fail ? Math.max(0.5, p.loss) : p.loss;
}

/** A cumulative histogram as a Prometheus client keeps it: counts per upper bound, +Inf = count, and the sum. */
export class Histogram {
  readonly counts: Float64Array;
  count = 0;
  sum = 0;
  constructor(readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length);
  }
  observe(v: number, n = 1): void {
    for (let i = 0; i < this.bounds.length; i++) {
      if (v <= this.bounds[i]) {
        this.counts[i] += n;
      }
    }
    this.count += n;
    this.sum += v * n;
  }
}

/**
 * Probe times of one series: every `intervalMs` from `originMs` (the exporter's start), shifted by a per-pair phase
 * so the mesh does not probe in lockstep. `advance(t, fn)` runs fn for every slot up to t not run yet: a backfill
 * and a live scrape that reach the same t have run the same probes.
 */
export class ProbeClock {
  private next = 0;
  constructor(
    private readonly originMs: number,
    private readonly intervalMs: number,
    private readonly phaseMs: number
  ) {}
  advance(tMs: number, fn: (slot: number, slotMs: number) => void): void {
    for (;;) {
      const at = this.originMs + this.phaseMs + this.next * this.intervalMs;
      if (at > tMs) {
        return;
      }
      fn(this.next, at);
      this.next++;
    }
  }
}
