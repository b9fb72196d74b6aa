import { Axes, hostGroup, isUnknown } from './axes';
import { Counts, groupSums } from './counts';
import { RULES, Sink } from './score';
import { ROLES, RoleCounts } from './sets';
import { Role } from './types';

/**
 * What naming one candidate costs (nats): the base, plus the log of how many candidates of its family there are at its
 * level — groups of a level in three roles, links between two of them (two ways each), layers above one level's
 * groups. Per level: a coarse level has few groups and needs less evidence, and links are then named by the coarser
 * groups, as three-level probing measures them (cross-DC probes between representatives stand for the DCs).
 */
export interface Penalties {
  group: number[];
  layer: number[];
  link: number[];
}

export function penaltiesOf(ax: Axes): Penalties {
  const cost = (count: number) => RULES.base + Math.log(Math.max(1, count));
  const G = (l: number) => (l < 0 ? 1 : ax.paths[l].length);
  const levels = Array.from({ length: ax.L }, (_, l) => l);
  return {
    group: levels.map((l) => cost(3 * G(l))),
    // Index l + 1: the layer inside a group of level l (or the whole matrix, l = -1), above any deeper level.
    layer: [-1, ...levels].map((l) => cost(G(l) * Math.max(1, ax.L - 1 - l))),
    link: levels.map((l) => cost(2 * G(l) * G(l))),
  };
}

const NO_MEMBERS: number[] = [];

/**
 * Every group candidate of the round, scored into the sink: each group as source (its rows), destination (its
 * columns) and both (the cross); the layer above; the links between two groups of one level. On the pairs not yet
 * explained (n judged, b bad). O(hosts · levels + layers + groups² at the link levels).
 */
export function enumerateGroups(
  ax: Axes,
  n: Counts,
  b: Counts,
  roles: RoleCounts,
  penalty: Penalties,
  sink: Sink
): void {
  const { L } = ax;
  const nS = groupSums(ax, n);
  const bS = groupSums(ax, b);
  const whole = wholeGroups(ax, roles);
  const base = { members: NO_MEMBERS, other: -1, directed: false, insideN: 0, insideB: 0 };
  for (let l = 0; l < L; l++) {
    for (let g = 0; g < ax.paths[l].length; g++) {
      if (isUnknown(ax, l, g)) {
        continue;
      }
      const common = { ...base, kind: 'group' as const, level: l, id: g, penalty: penalty.group[l] };
      const counts: Record<Role, [number, number]> = {
        source: [nS.src[l][g], bS.src[l][g]],
        destination: [nS.dst[l][g], bS.dst[l][g]],
        both: [nS.src[l][g] + nS.dst[l][g] - n.inside[l][g], bS.src[l][g] + bS.dst[l][g] - b.inside[l][g]],
      };
      for (const role of ROLES) {
        // A group fails as a whole only when every host of it does: else its hosts (or a set of them) are the culprit,
        // and the group would only soak up a neighbour's fault (a slow host beside two dead ones).
        if (whole[role][l][g] === 1) {
          sink.consider({ ...common, role, n: counts[role][0], b: counts[role][1] });
        }
      }
    }
  }
  enumerateLayers(ax, n, b, penalty, sink);
  enumerateLinks(ax, n, b, penalty, sink);
}

/**
 * Per role, level and group: whether the group fails as a whole in that role — at least two of its hosts still have
 * pairs left in that role, and each of those is at least RULES.groupMemberPurity bad. One host left is that host.
 */
function wholeGroups(ax: Axes, roles: RoleCounts): Record<Role, Uint8Array[]> {
  const out = {} as Record<Role, Uint8Array[]>;
  for (const role of ROLES) {
    const { n, b } = roles[role];
    out[role] = ax.paths.map((p, l) => {
      const live = new Uint32Array(p.length);
      const weak = new Uint32Array(p.length);
      for (let h = 0; h < ax.H; h++) {
        if (n[h] > 0) {
          const g = hostGroup(ax, h, l);
          live[g]++;
          if (b[h] < RULES.groupMemberPurity * n[h]) {
            weak[g]++;
          }
        }
      }
      return Uint8Array.from(live, (x, g) => (x >= 2 && weak[g] === 0 ? 1 : 0));
    });
  }
  return out;
}

/**
 * Layer above: pairs inside G between its level-k groups bad, pairs inside each level-k group fine. G = the whole
 * matrix (l = -1) or a group; k any deeper group level. Two children only: that is the link between them.
 */
function enumerateLayers(ax: Axes, n: Counts, b: Counts, penalty: Penalties, sink: Sink): void {
  const { L } = ax;
  for (let l = -1; l < L - 1; l++) {
    const G = l < 0 ? 1 : ax.paths[l].length;
    for (let k = l + 1; k < L; k++) {
      const children = new Uint32Array(G);
      const inN = new Float64Array(G);
      const inB = new Float64Array(G);
      const map = l < 0 ? undefined : ax.up[k][l];
      for (let a = 0; a < ax.paths[k].length; a++) {
        const g = map ? map[a] : 0;
        if (!isUnknown(ax, k, a)) {
          children[g]++;
        }
        inN[g] += n.inside[k][a];
        inB[g] += b.inside[k][a];
      }
      for (let g = 0; g < G; g++) {
        if (children[g] < 3 || isUnknown(ax, l, g)) {
          continue;
        }
        const within = (x: Counts) => (l < 0 ? x.all : x.inside[l][g]);
        sink.consider({
          kind: 'layer-above',
          role: 'both',
          level: l,
          id: g,
          members: NO_MEMBERS,
          other: k,
          directed: false,
          n: within(n) - inN[g],
          b: within(b) - inB[g],
          insideN: inN[g],
          insideB: inB[g],
          penalty: penalty.layer[l + 1],
        });
      }
    }
  }
}

/** Links: the block between two groups of one level, both ways or one way. */
function enumerateLinks(ax: Axes, n: Counts, b: Counts, penalty: Penalties, sink: Sink): void {
  for (let l = 0; l <= ax.linkLevel; l++) {
    const g = ax.paths[l].length;
    const mN = n.links[l];
    const mB = b.links[l];
    for (let x = 0; x < g; x++) {
      if (isUnknown(ax, l, x)) {
        continue;
      }
      for (let y = 0; y < g; y++) {
        const xy = x * g + y;
        const yx = y * g + x;
        const one = sink.worth(true, mN[xy], mB[xy]);
        const both = x < y && sink.worth(true, mN[xy] + mN[yx], mB[xy] + mB[yx]);
        if (x === y || (!one && !both) || isUnknown(ax, l, y)) {
          continue;
        }
        const common = {
          kind: 'link' as const,
          role: 'both' as const,
          level: l,
          id: x,
          members: NO_MEMBERS,
          other: y,
          insideN: 0,
          insideB: 0,
          penalty: penalty.link[l],
        };
        if (one) {
          sink.consider({ ...common, directed: true, n: mN[xy], b: mB[xy] });
        }
        if (both) {
          sink.consider({ ...common, directed: false, n: mN[xy] + mN[yx], b: mB[xy] + mB[yx] });
        }
      }
    }
  }
}
