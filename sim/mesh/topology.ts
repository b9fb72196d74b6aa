// Physical topologies of many shapes for the diagnosis evaluation: 1–4 grouping levels with uneven group sizes, and
// hosts named the ways real meshes name them (node names, FQDNs, IPv4, IPv6). Pure; seeded.

export type Naming = 'node' | 'fqdn' | 'ipv4' | 'ipv6';

export interface MeshHost {
  /** The name pair series carry: a node name, an FQDN, or the IP itself. */
  name: string;
  ip: string;
  /** The Kubernetes node name (topology queries such as kube_node_info carry it beside the IP). */
  node: string;
  /** Group name per level, outermost first (the innermost is the rack / ToR). */
  path: string[];
}

export interface MeshTopology {
  /** Level names, outermost first; the innermost is the ToR-like level. */
  levels: string[];
  hosts: MeshHost[];
}

export interface TopologySpec {
  hosts: number;
  /** Physical grouping levels, 1–4. */
  levels: 1 | 2 | 3 | 4;
  naming: Naming;
}

/** Level names per depth: the panel takes any names, so the evaluation varies them. */
const LEVEL_NAMES: Record<number, string[][]> = {
  1: [['tor'], ['rack']],
  2: [
    ['dc', 'tor'],
    ['zone', 'rack'],
  ],
  3: [
    ['region', 'dc', 'tor'],
    ['dc', 'az', 'rack'],
  ],
  4: [['region', 'dc', 'az', 'tor']],
};

export type Rng = () => number;

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
export const intIn = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

/** Sizes summing to `total`, `parts` of them, uneven (each at least `min`). */
function unevenSplit(rng: Rng, total: number, parts: number, min: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.3 + rng() * 1.7);
  const sum = weights.reduce((a, b) => a + b, 0);
  const free = total - parts * min;
  const out = weights.map((w) => min + Math.floor((free * w) / sum));
  let left = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % parts, left--) {
    out[i]++;
  }
  return out;
}

/**
 * Hosts in racks of 2–40 hosts (uneven), racks in groups of 2–6 per level above. The innermost level is the rack.
 */
export function makeTopology(rng: Rng, spec: TopologySpec): MeshTopology {
  const levels = pick(rng, LEVEL_NAMES[spec.levels]);
  const n = Math.max(4, spec.hosts);
  const meanRack = Math.min(40, Math.max(3, Math.round(Math.sqrt(n) * (0.6 + rng() * 0.8))));
  const racks = Math.max(2, Math.round(n / meanRack));
  const rackSizes = unevenSplit(rng, n, racks, 2);
  // Parents: each level above groups 2–6 children, uneven.
  let children = racks;
  const parentsOf: number[][] = [];
  for (let l = levels.length - 2; l >= 0; l--) {
    const parents = Math.max(1, Math.min(children, Math.round(children / intIn(rng, 2, 4))));
    const sizes = unevenSplit(rng, children, parents, 1);
    const map: number[] = [];
    sizes.forEach((s, p) => {
      for (let i = 0; i < s; i++) {
        map.push(p);
      }
    });
    parentsOf[l] = map;
    children = parents;
  }
  const hosts: MeshHost[] = [];
  const rackPath = (rack: number): number[] => {
    const ids: number[] = [];
    let id = rack;
    ids[levels.length - 1] = rack;
    for (let l = levels.length - 2; l >= 0; l--) {
      id = parentsOf[l][id];
      ids[l] = id;
    }
    return ids;
  };
  const domain = pick(rng, ['prod.example.com', 'dc.corp.example', 'cluster.local']);
  rackSizes.forEach((size, rack) => {
    const ids = rackPath(rack);
    const path = ids.map((id, l) => groupName(levels, ids, l, id));
    for (let i = 0; i < size; i++) {
      const k = hosts.length;
      const ip = spec.naming === 'ipv6' ? ipv6(k) : ipv4(ids, rack, i);
      hosts.push({ name: hostName(spec.naming, k, ip, path, domain), ip, node: nodeName(k), path });
    }
  });
  return { levels, hosts };
}

function groupName(levels: string[], ids: number[], l: number, id: number): string {
  const prefix = ids.slice(0, l).map((x, j) => `${levels[j][0]}${x + 1}`);
  return [...prefix, `${levels[l]}${id + 1}`].join('-');
}

const ipv4 = (ids: number[], rack: number, i: number) => `10.${(ids[0] ?? 0) + 1}.${rack + 1}.${i + 10}`;
const ipv6 = (k: number) => `fd00:10::${(k + 1).toString(16)}`;

const nodeName = (k: number) => `node-${String(k + 1).padStart(4, '0')}`;

function hostName(naming: Naming, k: number, ip: string, path: string[], domain: string): string {
  const node = nodeName(k);
  switch (naming) {
    case 'node':
      return node;
    case 'fqdn':
      return `${node}.${path[0]}.${domain}`;
    case 'ipv4':
    case 'ipv6':
      return ip;
  }
}

/** Host indices per group of the innermost level (racks), in rack order. */
export function racksOf(topo: MeshTopology): number[][] {
  const L = topo.levels.length;
  const byRack = new Map<string, number[]>();
  topo.hosts.forEach((h, i) => {
    const key = h.path.slice(0, L).join('/');
    (byRack.get(key) ?? byRack.set(key, []).get(key)!).push(i);
  });
  return [...byRack.values()];
}

/** Host indices per group at `level`. */
export function groupsAt(topo: MeshTopology, level: number): number[][] {
  const by = new Map<string, number[]>();
  topo.hosts.forEach((h, i) => {
    const key = h.path.slice(0, level + 1).join('/');
    (by.get(key) ?? by.set(key, []).get(key)!).push(i);
  });
  return [...by.values()];
}
