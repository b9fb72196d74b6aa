// Fault families for the diagnosis evaluation, each with its ground truth: the set of culprits, each a region of
// ordered host pairs it claims (the oracle in truth.ts compares the panel's candidates with them). Pure; seeded.
import { mulberry32 } from '../rng';
import { Probing } from './probing';
import { MeshTopology, Rng, groupsAt, intIn, pick, racksOf } from './topology';

export const FAMILIES = [
  'host-down',
  'hosts-down-one-rack',
  'hosts-down-apart',
  'slow-source',
  'slow-destination',
  'rack-down',
  'link-one-way',
  'link-both-ways',
  'spine-partial',
  'interconnect',
  'agent-down',
  'two-faults',
  'rack-and-slow-source',
  'healthy',
  'noise',
] as const;
export type Family = (typeof FAMILIES)[number];

/** What a fault does to one pair. */
export type Effect =
  /** Every probe fails (timeout): loss 1, no latency, the failure query says so. */
  | { kind: 'fail' }
  /** Latency added (ms) and loss. */
  | { kind: 'slow'; addMs: number; loss: number }
  /** Packets dropped: loss at this ratio, latency as usual. */
  | { kind: 'loss'; loss: number }
  /** The agent exports nothing for this pair (its row). */
  | { kind: 'silent' };

export type TruthType = 'hosts' | 'link' | 'layer' | 'silent';

export interface Truth {
  type: TruthType;
  /** hosts, silent: the culprit hosts; role: which of their pairs. */
  hosts?: number[];
  role?: 'source' | 'destination' | 'both';
  /** link: from group A (host indices) to group B; both ways unless directed. */
  a?: number[];
  b?: number[];
  directed?: boolean;
  /** layer: inside this group's hosts, pairs between different child groups (childOf: host → child key). */
  group?: number[];
  childLevel?: number;
  /** Only a panel that knows the topology can name it (a link or a layer). */
  needsTopology: boolean;
  /** Words for the report. */
  label: string;
}

export interface Fault {
  family: Family;
  effect(s: number, d: number): Effect | null;
  truths: Truth[];
}

/** Can the topology host this family? (racks of ≥ 3 hosts for k-of-a-rack, a DC level with ≥ 3 racks for spine…) */
export function fits(topo: MeshTopology, family: Family): boolean {
  const racks = racksOf(topo);
  const L = topo.levels.length;
  switch (family) {
    case 'hosts-down-one-rack':
    case 'rack-and-slow-source':
      return racks.some((r) => r.length >= 3);
    case 'hosts-down-apart':
      return racks.length >= 2;
    case 'link-one-way':
    case 'link-both-ways':
      return racks.filter((r) => r.length >= 2).length >= 2;
    case 'spine-partial':
      return L >= 2 && groupsAt(topo, L - 2).some((g) => childCount(topo, g, L - 1) >= 3);
    case 'interconnect':
      // Three groups or more: between the only two groups there are, congestion is one group cut off from the rest.
      return L >= 2 && groupsAt(topo, L - 2).length >= 3;
    default:
      return topo.hosts.length >= 4;
  }
}

function childCount(topo: MeshTopology, hosts: number[], level: number): number {
  return new Set(hosts.map((h) => topo.hosts[h].path[level])).size;
}

const between = (rng: Rng, lo: number, hi: number) => lo + rng() * (hi - lo);

/** Effects that breach every default SLA scope by loss alone (≥ 0.4 %, the loss SLA is 0.1 %). */
const slow = (rng: Rng): Effect => ({ kind: 'slow', addMs: between(rng, 30, 80), loss: between(rng, 0.02, 0.05) });
const lossy = (rng: Rng): Effect => ({ kind: 'loss', loss: between(rng, 0.01, 0.05) });
const FAIL: Effect = { kind: 'fail' };

interface Parts {
  effect: (s: number, d: number, rng: Rng) => Effect | null;
  truths: Truth[];
}

/**
 * The fault, and with `background` (0.005–0.02 = 0.5–2 %) random bad pairs elsewhere too: real meshes are never quiet,
 * and a culprit must be named through that noise.
 */
export function makeFault(rng: Rng, topo: MeshTopology, probing: Probing, family: Family, background = 0): Fault {
  const fault = faultParts(rng, topo, probing, family);
  const parts: Parts =
    background > 0
      ? {
          truths: fault.truths,
          effect: (s, d, r) =>
            fault.effect(s, d, r) ??
            (r() < background ? { kind: 'slow', addMs: between(r, 20, 200), loss: between(r, 0.01, 0.2) } : null),
        }
      : fault;
  // Each pair's effect is drawn once, from a generator of its own: the same pair gives the same effect however often
  // it is asked.
  const memo = new Map<number, Effect | null>();
  const n = topo.hosts.length;
  return {
    family,
    truths: parts.truths,
    effect(s, d) {
      const key = s * n + d;
      if (!memo.has(key)) {
        memo.set(key, parts.effect(s, d, mulberry32(Math.imul(key, 2654435761) + n)));
      }
      return memo.get(key)!;
    },
  };
}

/** Hosts that actually probe (passive ones do not): a slow source or a silent agent must have a row. */
function probers(topo: MeshTopology, probing: Probing): number[] {
  return topo.hosts.map((_, i) => i).filter((i) => !probing.passive.has(i));
}

function faultParts(rng: Rng, topo: MeshTopology, probing: Probing, family: Family): Parts {
  const n = topo.hosts.length;
  const racks = racksOf(topo);
  const L = topo.levels.length;
  const name = (h: number) => topo.hosts[h].name;
  switch (family) {
    case 'healthy':
      return { effect: () => null, truths: [] };
    case 'noise': {
      const rate = between(rng, 0.01, 0.03);
      return {
        effect: (_s, _d, r) =>
          r() < rate ? { kind: 'slow', addMs: between(r, 20, 200), loss: between(r, 0.01, 0.2) } : null,
        truths: [],
      };
    }
    case 'host-down': {
      const h = Math.floor(rng() * n);
      return downHosts([h], `host ${name(h)} down`);
    }
    case 'hosts-down-one-rack': {
      const rack = pick(
        rng,
        racks.filter((r) => r.length >= 3)
      );
      const k = intIn(rng, 2, Math.min(5, rack.length - 1));
      const hosts = shuffle(rng, rack).slice(0, k);
      return downHosts(hosts, `${k} of ${rack.length} hosts of a rack down`);
    }
    case 'hosts-down-apart': {
      const k = intIn(rng, 2, Math.min(4, racks.length));
      const hosts = shuffle(rng, racks)
        .slice(0, k)
        .map((r) => pick(rng, r));
      return downHosts(hosts, `${k} hosts in different racks down`);
    }
    case 'rack-down': {
      const rack = pick(rng, racks);
      return downHosts(rack, `rack of ${rack.length} down`);
    }
    case 'slow-source': {
      const h = pick(rng, probers(topo, probing));
      return slowHost(h, 'source', `host ${name(h)} slow as source`);
    }
    case 'slow-destination': {
      const h = Math.floor(rng() * n);
      return slowHost(h, 'destination', `host ${name(h)} slow as destination`);
    }
    case 'link-one-way':
    case 'link-both-ways': {
      const [a, b] = shuffle(
        rng,
        racks.filter((r) => r.length >= 2)
      );
      const directed = family === 'link-one-way';
      const inA = new Set(a);
      const inB = new Set(b);
      return {
        effect: (s, d, r) => ((inA.has(s) && inB.has(d)) || (!directed && inB.has(s) && inA.has(d)) ? lossy(r) : null),
        truths: [
          { type: 'link', a, b, directed, needsTopology: true, label: directed ? 'one-way link' : 'link both ways' },
        ],
      };
    }
    case 'spine-partial': {
      const parent = pick(
        rng,
        groupsAt(topo, L - 2).filter((g) => childCount(topo, g, L - 1) >= 3)
      );
      const inside = new Set(parent);
      const rack = (h: number) => topo.hosts[h].path[L - 1];
      return {
        effect: (s, d, r) => (inside.has(s) && inside.has(d) && rack(s) !== rack(d) && r() < 0.3 ? lossy(r) : null),
        truths: [
          {
            type: 'layer',
            group: parent,
            childLevel: L - 1,
            needsTopology: true,
            label: 'spine drops 30 % of cross-rack flows',
          },
        ],
      };
    }
    case 'interconnect': {
      const [a, b] = shuffle(rng, groupsAt(topo, L - 2));
      const inA = new Set(a);
      const inB = new Set(b);
      return {
        effect: (s, d, r) =>
          (inA.has(s) && inB.has(d)) || (inB.has(s) && inA.has(d))
            ? { kind: 'slow', addMs: between(r, 20, 50), loss: between(r, 0.004, 0.006) }
            : null,
        truths: [{ type: 'link', a, b, directed: false, needsTopology: true, label: 'interconnect congestion' }],
      };
    }
    case 'agent-down': {
      const h = pick(rng, probers(topo, probing));
      return {
        effect: (s) => (s === h ? { kind: 'silent' } : null),
        truths: [{ type: 'silent', hosts: [h], needsTopology: false, label: `agent ${name(h)} down` }],
      };
    }
    case 'two-faults': {
      const first = pick(rng, ['host-down', 'rack-down', 'slow-source'] as const);
      const second = pick(rng, ['slow-destination', 'host-down', 'link-both-ways'] as const);
      const a = faultParts(rng, topo, probing, first);
      return combine(
        a,
        apart(a, () => faultParts(rng, topo, probing, fits(topo, second) ? second : 'slow-destination'))
      );
    }
    case 'rack-and-slow-source': {
      // The case: hosts of one rack fail every probe, and one other host is slow as a source.
      const a = faultParts(rng, topo, probing, 'hosts-down-one-rack');
      return combine(
        a,
        apart(a, () => faultParts(rng, topo, probing, 'slow-source'))
      );
    }
  }
}

/** Hosts a culprit names (a link: both ends). */
const hostsOfTruths = (p: Parts) =>
  new Set(p.truths.flatMap((t) => [...(t.hosts ?? []), ...(t.a ?? []), ...(t.b ?? [])]));

/** A second fault in another place: redrawn until it shares no host with the first (independent faults). */
function apart(first: Parts, draw: () => Parts): Parts {
  const taken = hostsOfTruths(first);
  let second = draw();
  for (let i = 0; i < 50 && [...hostsOfTruths(second)].some((h) => taken.has(h)); i++) {
    second = draw();
  }
  return second;
}

function downHosts(hosts: number[], label: string): Parts {
  const set = new Set(hosts);
  return {
    effect: (s, d) => (set.has(s) || set.has(d) ? FAIL : null),
    truths: [{ type: 'hosts', hosts, role: 'both', needsTopology: false, label }],
  };
}

function slowHost(h: number, role: 'source' | 'destination', label: string): Parts {
  return {
    effect: (s, d, r) => ((role === 'source' ? s === h : d === h) ? slow(r) : null),
    truths: [{ type: 'hosts', hosts: [h], role, needsTopology: false, label }],
  };
}

/** Two faults at once: the worse effect wins on a pair both touch. */
function combine(a: Parts, b: Parts): Parts {
  const rank = (e: Effect | null) =>
    e === null ? 0 : e.kind === 'silent' ? 4 : e.kind === 'fail' ? 3 : e.kind === 'slow' ? 2 : 1;
  return {
    effect: (s, d, r) => {
      const x = a.effect(s, d, r);
      const y = b.effect(s, d, r);
      return rank(y) > rank(x) ? y : x;
    },
    truths: [...a.truths, ...b.truths],
  };
}

function shuffle<T>(rng: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
