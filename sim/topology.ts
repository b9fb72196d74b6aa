// Simulated data-centre topology: region > DC > AZ > ToR > host. Pure: no Node or DOM APIs.

export interface TopologySizes {
  regions: number;
  dcsPerRegion: number;
  azsPerDc: number;
  torsPerAz: number;
  hostsPerTor: number;
}

/** A server. Group names are hierarchical (`r1-dc1-az2-tor1`) so each one alone says where it sits. */
export interface Host {
  /** `h<1-based global number, zero-padded>`, e.g. `h007`: natural and lexical sort agree. */
  name: string;
  /** `10.<region #>.<ToR # within its region>.<host # within its ToR>`, all 1-based. */
  ip: string;
  region: string;
  dc: string;
  az: string;
  tor: string;
  /** 0-based position in `Topology.hosts` (the matrix row/column). */
  index: number;
}

/** Global 0-based group numbers of a host, so hot loops compare integers instead of strings. */
export interface HostPlace {
  region: number;
  dc: number;
  az: number;
  tor: number;
}

export interface Topology {
  sizes: TopologySizes;
  hosts: Host[];
  /** Parallel to `hosts`. */
  places: HostPlace[];
  regions: string[];
  dcs: string[];
  azs: string[];
  tors: string[];
}

/** Narrowest group two hosts share: 'tor' = same ToR, …, 'global' = different regions. */
export type Scope = 'self' | 'tor' | 'az' | 'dc' | 'region' | 'global';

// IPv4 octet limits of the address scheme (host 0 and 255 are network/broadcast-like, so avoided).
const MAX_REGIONS = 255;
const MAX_TORS_PER_REGION = 255;
const MAX_HOSTS_PER_TOR = 254;

function checkSizes(s: TopologySizes): void {
  for (const [k, v] of Object.entries(s)) {
    if (!Number.isInteger(v) || v < 1) {
      throw new Error(`topology size ${k} must be a positive integer, got ${v}`);
    }
  }
  const torsPerRegion = s.dcsPerRegion * s.azsPerDc * s.torsPerAz;
  if (s.regions > MAX_REGIONS || torsPerRegion > MAX_TORS_PER_REGION || s.hostsPerTor > MAX_HOSTS_PER_TOR) {
    throw new Error(
      `topology too large for the 10.<region>.<tor>.<host> scheme: regions ≤ ${MAX_REGIONS}, ` +
        `ToRs per region ≤ ${MAX_TORS_PER_REGION}, hosts per ToR ≤ ${MAX_HOSTS_PER_TOR}`
    );
  }
}

export function buildTopology(sizes: TopologySizes): Topology {
  checkSizes(sizes);
  const { regions, dcsPerRegion, azsPerDc, torsPerAz, hostsPerTor } = sizes;
  const total = regions * dcsPerRegion * azsPerDc * torsPerAz * hostsPerTor;
  const width = Math.max(3, String(total).length);
  const topo: Topology = { sizes: { ...sizes }, hosts: [], places: [], regions: [], dcs: [], azs: [], tors: [] };
  for (let r = 1; r <= regions; r++) {
    const region = `r${r}`;
    topo.regions.push(region);
    let torInRegion = 0;
    for (let d = 1; d <= dcsPerRegion; d++) {
      const dc = `${region}-dc${d}`;
      topo.dcs.push(dc);
      for (let a = 1; a <= azsPerDc; a++) {
        const az = `${dc}-az${a}`;
        topo.azs.push(az);
        for (let t = 1; t <= torsPerAz; t++) {
          const tor = `${az}-tor${t}`;
          topo.tors.push(tor);
          torInRegion++;
          const place: HostPlace = {
            region: topo.regions.length - 1,
            dc: topo.dcs.length - 1,
            az: topo.azs.length - 1,
            tor: topo.tors.length - 1,
          };
          for (let h = 1; h <= hostsPerTor; h++) {
            const index = topo.hosts.length;
            topo.hosts.push({
              name: `h${String(index + 1).padStart(width, '0')}`,
              ip: `10.${r}.${torInRegion}.${h}`,
              region,
              dc,
              az,
              tor,
              index,
            });
            topo.places.push(place);
          }
        }
      }
    }
  }
  return topo;
}

/**
 * Sizes giving roughly n hosts with every level populated (≥ 2 DCs and ≥ 2 ToRs per DC, so every scenario has a
 * culprit). n = 48 → exactly 48 (2·2·2·2 ToRs × 3); 100 → 96; 300 → 312; 1000 → 1008; 2000 → 2016.
 */
export function topologySizesForHosts(n: number): TopologySizes {
  if (!Number.isFinite(n) || n < 1) {
    throw new Error(`host count must be ≥ 1, got ${n}`);
  }
  const shape =
    n <= 16
      ? { regions: 1, dcsPerRegion: 2, azsPerDc: 1, torsPerAz: 2 }
      : n <= 150
        ? { regions: 2, dcsPerRegion: 2, azsPerDc: 2, torsPerAz: 2 }
        : n <= 600
          ? { regions: 3, dcsPerRegion: 2, azsPerDc: 2, torsPerAz: 2 }
          : { regions: 3, dcsPerRegion: 2, azsPerDc: 2, torsPerAz: 4 };
  const tors = shape.regions * shape.dcsPerRegion * shape.azsPerDc * shape.torsPerAz;
  const hostsPerTor = Math.min(MAX_HOSTS_PER_TOR, Math.max(1, Math.round(n / tors)));
  return { ...shape, hostsPerTor };
}

export function topologyForHosts(n: number): Topology {
  return buildTopology(topologySizesForHosts(n));
}

type Groups = Pick<HostPlace, 'region' | 'dc' | 'az' | 'tor'> | Pick<Host, 'region' | 'dc' | 'az' | 'tor'>;

/** Narrowest group shared by two different hosts, by names or by group numbers alike. */
function sharedScope(a: Groups, b: Groups): Exclude<Scope, 'self'> {
  return a.tor === b.tor
    ? 'tor'
    : a.az === b.az
      ? 'az'
      : a.dc === b.dc
        ? 'dc'
        : a.region === b.region
          ? 'region'
          : 'global';
}

export function scopeOf(a: Host, b: Host): Scope {
  return a.index === b.index ? 'self' : sharedScope(a, b);
}

/** scopeOf on host indices via integer group numbers (hot path of the writers). */
export function scopeOfIndex(topo: Topology, src: number, dst: number): Scope {
  if (src === dst) {
    return 'self';
  }
  return sharedScope(topo.places[src], topo.places[dst]);
}
