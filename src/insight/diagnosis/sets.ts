import { Axes, hostGroup, isUnknown } from './axes';
import { Counts } from './counts';
import { RULES, Sink, gain, lnChoose } from './score';
import { Role } from './types';

export const ROLES: Role[] = ['source', 'destination', 'both'];

/** Per host, its judged and bad pairs not yet explained in one role: its row, its column, or both. */
export interface HostCounts {
  n: Float64Array;
  b: Float64Array;
}

export type RoleCounts = Record<Role, HostCounts>;

export function roleCounts(ax: Axes, res: Residual): RoleCounts {
  const out = {} as RoleCounts;
  for (const role of ROLES) {
    const n = new Float64Array(ax.H);
    const b = new Float64Array(ax.H);
    for (let h = 0; h < ax.H; h++) {
      const r = ax.hostRow[h];
      const c = ax.hostCol[h];
      const take = (x: Counts) =>
        (role !== 'destination' && r >= 0 ? x.row[r] : 0) +
        (role !== 'source' && c >= 0 ? x.col[c] : 0) -
        (role === 'both' && r >= 0 && c >= 0 ? x.self[r] : 0);
      n[h] = take(res.n);
      b[h] = take(res.b);
    }
    out[role] = { n, b };
  }
  return out;
}

export interface Residual {
  n: Counts;
  b: Counts;
  /** 1 for a judged cell no candidate has explained yet. */
  live: Uint8Array;
  /** Bad weight per status code. */
  weight: Float64Array;
  status: Uint8Array;
}

/**
 * Hosts that fail the same way, as one candidate per role: every host whose own pairs (its row, its column, or both)
 * are at least RULES.memberPurity bad, strongest first, cut where one more host no longer pays for its name. Four hosts
 * of one rack failing every probe are one failure set, not four weak candidates; without topology that is the only way
 * to see the rack. Hosts whose whole group (two hosts or more) fails this way are left to the group's candidate.
 */
export function enumerateSets(ax: Axes, res: Residual, roles: RoleCounts, sink: Sink): void {
  for (const role of ROLES) {
    // A host that fails as a source only: its row bad, its column not (else it fails both ways, a cross).
    const opposite = role === 'source' ? roles.destination : role === 'destination' ? roles.source : undefined;
    const set = bestSet(ax, res, role, roles[role], opposite, sink.B, sink.N);
    if (set) {
      sink.consider(set);
    }
  }
}

function bestSet(
  ax: Axes,
  res: Residual,
  role: Role,
  counts: HostCounts,
  opposite: HostCounts | undefined,
  B: number,
  N: number
) {
  const { n: nOf, b: bOf } = counts;
  // One host alone needs RULES.hostPurity of its pairs bad; a host joining others, RULES.memberPurity.
  const strong = (c: HostCounts, h: number, share: number) => c.b[h] > 0 && c.b[h] >= share * c.n[h];
  const fails = new Uint8Array(ax.H);
  const member = new Uint8Array(ax.H);
  for (let h = 0; h < ax.H; h++) {
    if (strong(counts, h, RULES.hostPurity) && !(opposite && strong(opposite, h, RULES.memberPurity))) {
      fails[h] = 1;
      member[h] = strong(counts, h, RULES.memberPurity) ? 1 : 0;
    }
  }
  const whole = wholeGroupHosts(ax, member);
  const members: number[] = [];
  for (let h = 0; h < ax.H; h++) {
    if (fails[h] && !whole[h]) {
      members.push(h);
    }
  }
  if (members.length === 0) {
    return undefined;
  }
  members.sort((p, q) => bOf[q] / nOf[q] - bOf[p] / nOf[p] || bOf[q] - bOf[p] || p - q);
  // Strongest first: the rest join only as hosts that fail nearly whole.
  const joined = members.findIndex((h, k) => k > 0 && !member[h]);
  members.length = Math.min(joined < 0 ? members.length : joined, RULES.maxSet);

  const C = ax.C;
  let sumN = 0;
  let sumB = 0;
  let best = -Infinity;
  let bestK = 0;
  let bestN = 0;
  let bestB = 0;
  for (let k = 0; k < members.length; k++) {
    const h = members[k];
    sumN += nOf[h];
    sumB += bOf[h];
    if (role === 'both') {
      // Pairs between two members are in both crosses: count them once.
      const r = ax.hostRow[h];
      const c = ax.hostCol[h];
      for (let j = 0; j < k; j++) {
        const s = members[j];
        const rs = ax.hostRow[s];
        const cs = ax.hostCol[s];
        if (r >= 0 && cs >= 0 && res.live[r * C + cs]) {
          sumN--;
          sumB -= res.weight[res.status[r * C + cs]];
        }
        if (rs >= 0 && c >= 0 && res.live[rs * C + c]) {
          sumN--;
          sumB -= res.weight[res.status[rs * C + c]];
        }
      }
    }
    const value = gain(sumB, sumN, B, N) - setPenalty(ax.H, k + 1);
    if (value > best) {
      best = value;
      bestK = k + 1;
      bestN = sumN;
      bestB = sumB;
    }
  }
  return {
    kind: 'hosts' as const,
    role,
    level: ax.L,
    id: -1,
    members: members.slice(0, bestK),
    other: -1,
    directed: false,
    n: bestN,
    b: bestB,
    insideN: 0,
    insideB: 0,
    penalty: setPenalty(ax.H, bestK),
  };
}

/** Naming k of H hosts in one of three roles. */
export const setPenalty = (H: number, k: number): number => RULES.base + Math.log(3) + lnChoose(H, k);

/** Hosts of a group of ≥ 2 hosts whose every host fails nearly whole: the group names them more cheaply. */
function wholeGroupHosts(ax: Axes, member: Uint8Array): Uint8Array {
  const drop = new Uint8Array(ax.H);
  for (let l = 0; l < ax.L; l++) {
    const count = new Uint32Array(ax.paths[l].length);
    for (let h = 0; h < ax.H; h++) {
      if (member[h]) {
        count[hostGroup(ax, h, l)]++;
      }
    }
    for (let h = 0; h < ax.H; h++) {
      const g = hostGroup(ax, h, l);
      if (member[h] && !isUnknown(ax, l, g) && ax.hosts[l][g] >= 2 && count[g] === ax.hosts[l][g]) {
        drop[h] = 1;
      }
    }
  }
  return drop;
}
