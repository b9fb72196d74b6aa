import { childGroupId } from '../../model/groupId';
import { UNKNOWN_GROUP } from '../../model/topology';
import { MatrixModel } from '../../model/types';

/** Group × group counts (links) only at levels with at most this many groups. */
export const LINK_GROUPS = 512;

/** The matrix's axes as indices: groups per level shared by both axes, and hosts on either axis. */
export interface Axes {
  R: number;
  C: number;
  L: number;
  rows: string[];
  cols: string[];
  rowPaths: string[][];
  colPaths: string[][];
  levels: string[];
  /** Group id per level of every row / column host; ids are per path prefix, shared by both axes. */
  rowG: Int32Array[];
  colG: Int32Array[];
  /** Per level: each group's path (length level + 1). */
  paths: string[][][];
  /** up[k][l][a]: the level-l ancestor of level-k group a (l < k). */
  up: Int32Array[][];
  /** Hosts per group (both axes, each host once). */
  hosts: Uint32Array[];
  /** Column of each row's host (-1 when not on the column axis); row of each column's host. */
  colOfRow: Int32Array;
  rowOfCol: Int32Array;
  /** Distinct hosts (rows, then columns not on the row axis): host h is row h for h < R. */
  H: number;
  /** Row and column of host h (-1 when it is not on that axis). */
  hostRow: Int32Array;
  hostCol: Int32Array;
  /** Deepest level with group × group counts (links at it and above), -1 for none. */
  linkLevel: number;
}

export function indexAxes(model: MatrixModel): Axes {
  const { rows, cols, rowPaths, colPaths, levels } = model;
  const R = rows.length;
  const C = cols.length;
  const L = levels.length;
  const shared = rows === cols;
  const maps = levels.map(() => new Map<string, number>());
  const paths: string[][][] = levels.map(() => []);
  const parent: number[][] = levels.map(() => []);
  const hostCount: number[][] = levels.map(() => []);
  const idsOf = (p: string[] | undefined, out: Int32Array[], h: number, count: boolean) => {
    let key = '';
    let prev = -1;
    for (let l = 0; l < L; l++) {
      const name = p?.[l] ?? UNKNOWN_GROUP;
      key = childGroupId(l === 0 ? '' : key, name);
      let id = maps[l].get(key);
      if (id === undefined) {
        id = paths[l].length;
        maps[l].set(key, id);
        paths[l].push(l === 0 ? [name] : [...paths[l - 1][prev], name]);
        parent[l].push(prev);
        hostCount[l].push(0);
      }
      if (count) {
        hostCount[l][id]++;
      }
      out[l][h] = id;
      prev = id;
    }
  };
  const rowG = levels.map(() => new Int32Array(R));
  rowPaths.forEach((p, r) => idsOf(p, rowG, r, true));
  let colG = rowG;
  const colOfRow = new Int32Array(R).fill(-1);
  const rowOfCol = new Int32Array(C).fill(-1);
  const hostCol: number[] = [];
  const hostRow: number[] = [];
  for (let r = 0; r < R; r++) {
    hostRow.push(r);
    hostCol.push(-1);
  }
  if (shared) {
    for (let r = 0; r < R; r++) {
      colOfRow[r] = r;
      rowOfCol[r] = r;
      hostCol[r] = r;
    }
  } else {
    colG = levels.map(() => new Int32Array(C));
    const rowOf = new Map(rows.map((h, r) => [h, r]));
    colPaths.forEach((p, c) => {
      const r = rowOf.get(cols[c]);
      if (r !== undefined) {
        colOfRow[r] = c;
        rowOfCol[c] = r;
        hostCol[r] = c;
      } else {
        hostRow.push(-1);
        hostCol.push(c);
      }
      idsOf(p, colG, c, r === undefined);
    });
  }
  const up: Int32Array[][] = levels.map((_, k) => {
    const out: Int32Array[] = [];
    for (let l = k - 1; l >= 0; l--) {
      out[l] = l === k - 1 ? Int32Array.from(parent[k]) : out[l + 1].map((a) => parent[l + 1][a]);
    }
    return out;
  });
  let linkLevel = -1;
  while (linkLevel + 1 < L && paths[linkLevel + 1].length <= LINK_GROUPS) {
    linkLevel++;
  }
  return {
    R,
    C,
    L,
    rows,
    cols,
    rowPaths,
    colPaths,
    levels,
    rowG,
    colG,
    paths,
    up,
    hosts: hostCount.map((c) => Uint32Array.from(c)),
    colOfRow,
    rowOfCol,
    H: hostRow.length,
    hostRow: Int32Array.from(hostRow),
    hostCol: Int32Array.from(hostCol),
    linkLevel,
  };
}

/** Host h's name. */
export const hostName = (ax: Axes, h: number): string =>
  ax.hostRow[h] >= 0 ? ax.rows[ax.hostRow[h]] : ax.cols[ax.hostCol[h]];

/** Host h's group id at level l. */
export const hostGroup = (ax: Axes, h: number, l: number): number =>
  ax.hostRow[h] >= 0 ? ax.rowG[l][ax.hostRow[h]] : ax.colG[l][ax.hostCol[h]];

/** Host h's group path (its groups outermost first). */
export const hostPath = (ax: Axes, h: number): string[] =>
  (ax.hostRow[h] >= 0 ? ax.rowPaths[ax.hostRow[h]] : ax.colPaths[ax.hostCol[h]]) ?? [];

/** A group at a level is a hosts' bucket for "no topology known": never a culprit. */
export const isUnknown = (ax: Axes, level: number, id: number): boolean =>
  level >= 0 && level < ax.L && ax.paths[level][id][level] === UNKNOWN_GROUP;
