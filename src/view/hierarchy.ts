import { HostSortKey, compareHostKeys, hostSortKey } from '../model/hostOrder';
import { childGroupId } from '../model/groupId';

/**
 * Group hierarchy of one axis (region > DC > AZ > ToR > host) and which of its entries are visible.
 * Hosts are ordered so that every group is a contiguous range of positions: aggregation is then a block of the
 * host matrix, and expand/collapse only changes which ranges are drawn as one row.
 */
export interface GroupNode {
  /** The group's path as one string (groupId.ts): stable across refreshes, so expansion state survives new data. */
  id: string;
  name: string;
  /** 0 = outermost level; -1 for the root. */
  level: number;
  /** Range of axis positions [start, end). */
  start: number;
  end: number;
  children: GroupNode[];
}

export interface AxisTree {
  /** Axis position → host index (into model.rows or model.cols). */
  order: Int32Array;
  root: GroupNode;
  byId: Map<string, GroupNode>;
  depth: number;
}

export interface AxisTreeInput {
  names: string[];
  /** Per host, its group at each level. */
  paths: string[][];
  depth: number;
  /** Optional severity per host (higher = worse) to sort by, worst first; groups take the max or the sum of theirs. */
  score?: Float64Array;
  combine?: 'max' | 'sum';
}

interface Building {
  node: GroupNode;
  groups: Map<string, Building>;
  hosts: number[];
  score: number;
}

export function buildAxisTree({ names, paths, depth, score, combine = 'max' }: AxisTreeInput): AxisTree {
  const root: Building = { node: mkNode('', '', -1), groups: new Map(), hosts: [], score: 0 };
  for (let h = 0; h < names.length; h++) {
    let at = root;
    for (let level = 0; level < depth; level++) {
      const name = paths[h][level];
      let next = at.groups.get(name);
      if (!next) {
        const id = childGroupId(at.node.id, name);
        next = { node: mkNode(id, name, level), groups: new Map(), hosts: [], score: 0 };
        at.groups.set(name, next);
      }
      at = next;
    }
    at.hosts.push(h);
  }

  const hostScore = (h: number) => score?.[h] ?? 0;
  const merge = (a: number, b: number) => (combine === 'sum' ? a + b : Math.max(a, b));
  const scoreOf = (b: Building): number => {
    b.score = b.hosts.reduce((s, h) => merge(s, hostScore(h)), combine === 'sum' ? 0 : -Infinity);
    for (const g of b.groups.values()) {
      b.score = merge(b.score, scoreOf(g));
    }
    return b.score;
  };
  if (score) {
    scoreOf(root);
  }
  // Names parse once per build (addresses by address, names naturally: hostOrder.ts).
  const hostKeys = names.map(hostSortKey);
  const byWorst =
    <T>(key: (x: T) => number, name: (x: T) => HostSortKey) =>
    (a: T, b: T) =>
      (score ? key(b) - key(a) : 0) || compareHostKeys(name(a), name(b));

  const order = new Int32Array(names.length);
  const byId = new Map<string, GroupNode>();
  let pos = 0;
  const place = (b: Building) => {
    b.node.start = pos;
    const groupKeys = new Map([...b.groups.values()].map((g) => [g, hostSortKey(g.node.name)]));
    const groups = [...b.groups.values()].sort(
      byWorst(
        (g) => g.score,
        (g) => groupKeys.get(g)!
      )
    );
    for (const g of groups) {
      place(g);
      b.node.children.push(g.node);
      byId.set(g.node.id, g.node);
    }
    for (const h of [...b.hosts].sort(byWorst(hostScore, (x) => hostKeys[x]))) {
      order[pos++] = h;
    }
    b.node.end = pos;
  };
  place(root);
  return { order, root: root.node, byId, depth };
}

function mkNode(id: string, name: string, level: number): GroupNode {
  return { id, name, level, start: 0, end: 0, children: [] };
}

export interface AxisEntry {
  kind: 'group' | 'host';
  /** Range of axis positions this entry covers. */
  start: number;
  end: number;
  label: string;
  /** The group, for group entries; the innermost group of a host entry. */
  node: GroupNode;
}

export interface ExpansionState {
  /** Groups at levels below this are expanded by default, the rest collapsed. 0 = everything starts collapsed. */
  startLevel: number;
  /** Group ids whose default expansion is flipped by the user. */
  toggled: ReadonlySet<string>;
}

export function isExpanded(node: GroupNode, state: ExpansionState): boolean {
  return node.level < 0 || node.level < state.startLevel !== state.toggled.has(node.id);
}

/**
 * The rows (or columns) drawn for a tree and an expansion state, optionally inside one group (zoom). Expanded groups
 * open into their children; collapsed groups are one entry; the innermost groups open into hosts.
 */
export function visibleEntries(
  tree: AxisTree,
  state: ExpansionState,
  names: string[],
  within?: GroupNode
): AxisEntry[] {
  const out: AxisEntry[] = [];
  const walk = (node: GroupNode) => {
    if (node.children.length === 0) {
      for (let p = node.start; p < node.end; p++) {
        out.push({ kind: 'host', start: p, end: p + 1, label: names[tree.order[p]], node });
      }
      return;
    }
    for (const child of node.children) {
      if (isExpanded(child, state)) {
        walk(child);
      } else {
        out.push({ kind: 'group', start: child.start, end: child.end, label: child.name, node: child });
      }
    }
  };
  walk(within ?? tree.root);
  return out;
}

/** Expanded groups, outermost first: drawn as header bands beside the axis (one band per level), click to collapse. */
export function expandedHeaders(tree: AxisTree, state: ExpansionState, within?: GroupNode): GroupNode[] {
  const out: GroupNode[] = [];
  const walk = (node: GroupNode) => {
    for (const child of node.children) {
      if (isExpanded(child, state)) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(within ?? tree.root);
  return out;
}
