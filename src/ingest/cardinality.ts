import { groupId } from '../model/groupId';
import { LevelSpec, UNKNOWN_GROUP } from '../model/topology';
import { PairTopology, TopologyTable } from './topology';

/**
 * The matrix is dense (hosts² cells): beyond this many hosts it would not fit in memory or on screen, and the
 * panel asks for grouping on the query side instead.
 */
export const MAX_HOSTS = 4096;

export interface TopologyInput {
  levels: LevelSpec[];
  table: TopologyTable;
  pairs: PairTopology;
}

/** Hosts folded into their groups at one level (cardinality guard). */
export interface GroupedAxes {
  /** Host index → group index. */
  groupOf: number[];
  /** Group display names (unique). */
  names: string[];
  /** Each group's path above it. */
  paths: string[][];
  /** The level the hosts were folded into, and the levels kept above it. */
  level: string;
  levels: LevelSpec[];
}

/** A host's group at each level: its pair labels first, then the topology query, else "unknown". */
export function hostPaths(topology: TopologyInput, hostNames: string[]) {
  const { levels, table, pairs } = topology;
  const cache = new Map<number, string[]>();
  return (host: number): string[] => {
    let path = cache.get(host);
    if (!path) {
      const own = pairs.get(host);
      const joined = table.byKey.get(hostNames[host]);
      path = levels.map((_, i) => own?.[i] || joined?.[i] || UNKNOWN_GROUP);
      cache.set(host, path);
    }
    return path;
  };
}

/** The deepest level with at most `max` groups; hosts become those groups. Undefined when none fits (or no levels). */
export function groupHosts(
  hostNames: string[],
  pathOf: (h: number) => string[],
  levels: LevelSpec[],
  max: number
): GroupedAxes | undefined {
  const paths = hostNames.map((_, h) => pathOf(h));
  for (let l = levels.length - 1; l >= 0; l--) {
    const ids = new Map<string, number>();
    // Each group's path, kept as it is: ids are for lookups only.
    const keys: string[][] = [];
    const groupOf = paths.map((p) => {
      const key = groupId(p, l + 1);
      let g = ids.get(key);
      if (g === undefined) {
        g = ids.size;
        ids.set(key, g);
        keys.push(p.slice(0, l + 1));
      }
      return g;
    });
    if (ids.size > max) {
      continue;
    }
    const short = keys.map((k) => k[l]);
    // Group names repeat under different parents (tor1 in every AZ): then the path names them.
    const unique = new Set(short).size === short.length;
    return {
      groupOf,
      names: unique ? short : keys.map((k) => k.join('/')),
      paths: keys.map((k) => k.slice(0, l)),
      level: levels[l].name,
      levels: levels.slice(0, l),
    };
  }
  return undefined;
}
