// Which ordered pairs a mesh probes: full, Pingmesh's three-level sparse mesh, k random neighbours (kubenurse), a
// full mesh with passive hosts that probe nothing (Goldpinger sharding), and breach-only (a full mesh whose exporter
// only exports slow or failing pairs). Pure; seeded.
import { MeshTopology, Rng, intIn } from './topology';

export type MeshKind = 'full' | 'pingmesh' | 'kneighbour' | 'passive' | 'breach-only';

export interface Probing {
  kind: MeshKind;
  /** s probes d (never for s === d). */
  probes(s: number, d: number): boolean;
  /** Hosts that probe nothing (passive), for the report. */
  passive: Set<number>;
  /** kneighbour: k. */
  k?: number;
}

export function makeProbing(rng: Rng, topo: MeshTopology, kind: MeshKind): Probing {
  const n = topo.hosts.length;
  switch (kind) {
    case 'full':
    case 'breach-only':
      return { kind, probes: (s, d) => s !== d, passive: new Set() };
    case 'passive': {
      const passive = new Set<number>();
      const count = Math.max(1, Math.round(n * (0.1 + rng() * 0.2)));
      while (passive.size < count) {
        passive.add(Math.floor(rng() * n));
      }
      return { kind, probes: (s, d) => s !== d && !passive.has(s), passive };
    }
    case 'kneighbour': {
      const k = Math.min(n - 1, intIn(rng, 5, 15));
      const targets: Array<Set<number>> = topo.hosts.map((_, s) => {
        const out = new Set<number>();
        while (out.size < k) {
          const d = Math.floor(rng() * n);
          if (d !== s) {
            out.add(d);
          }
        }
        return out;
      });
      return { kind, probes: (s, d) => targets[s].has(d), passive: new Set(), k };
    }
    case 'pingmesh':
      return { kind, probes: pingmeshProbes(topo), passive: new Set() };
  }
}

/**
 * Pingmesh (SIGCOMM 2015): complete graphs at every level — all hosts of a rack probe each other; across groups of
 * one parent only the groups' representatives (their first hosts) probe each other.
 */
function pingmeshProbes(topo: MeshTopology): (s: number, d: number) => boolean {
  const L = topo.levels.length;
  const firstOf = new Map<string, number>();
  topo.hosts.forEach((h, i) => {
    for (let l = 0; l < L; l++) {
      const key = `${l}|${h.path.slice(0, l + 1).join('/')}`;
      if (!firstOf.has(key)) {
        firstOf.set(key, i);
      }
    }
  });
  const isRep = (h: number, l: number) => firstOf.get(`${l}|${topo.hosts[h].path.slice(0, l + 1).join('/')}`) === h;
  return (s, d) => {
    if (s === d) {
      return false;
    }
    const a = topo.hosts[s].path;
    const b = topo.hosts[d].path;
    let shared = 0;
    while (shared < L && a[shared] === b[shared]) {
      shared++;
    }
    // Same rack: full; else both must represent their groups at the first level where they differ.
    return shared === L || (isRep(s, shared) && isRep(d, shared));
  };
}
