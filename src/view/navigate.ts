import { groupAncestry, groupId, isInGroup } from '../model/groupId';
import { AxisEntry, AxisTree, isExpanded } from './hierarchy';
import { View, Zoom } from './view';
import { MatrixModel } from '../model/types';

/**
 * Finding things on the axes: search matches, and what to expand (or un-zoom) so that a host or group becomes a
 * visible row. Pure; the panel applies the result to its expansion and zoom state.
 */

export interface SearchHit {
  kind: 'host' | 'group';
  /** Host name, or group id (groupId.ts). */
  id: string;
  label: string;
  /** Level of a group; the host level (number of levels) for hosts. */
  level: number;
}

/** Case-insensitive substring matches among hosts and groups of both axes; groups first (outermost first), then hosts. */
export function searchHits(model: MatrixModel, view: View, query: string, limit = 200): SearchHit[] {
  const q = query.trim().toLocaleLowerCase();
  if (q === '') {
    return [];
  }
  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  const push = (hit: SearchHit) => {
    const key = `${hit.kind}:${hit.id}`;
    if (!seen.has(key) && hits.length < limit) {
      seen.add(key);
      hits.push(hit);
    }
  };
  const groups = [...view.rowTree.byId.values(), ...(view.colTree === view.rowTree ? [] : view.colTree.byId.values())];
  groups
    .filter((g) => g.name.toLocaleLowerCase().includes(q))
    .sort((a, b) => a.level - b.level)
    .forEach((g) => push({ kind: 'group', id: g.id, label: g.name, level: g.level }));
  const hosts = model.cols === model.rows ? model.rows : [...model.rows, ...model.cols];
  for (const h of hosts) {
    if (h.toLocaleLowerCase().includes(q)) {
      push({ kind: 'host', id: h, label: h, level: model.levels.length });
    }
  }
  return hits;
}

/** Whether an axis entry is (or contains, for a group) the hit. */
export function entryMatches(entry: AxisEntry, hit: SearchHit, tree: AxisTree, names: string[]): boolean {
  if (hit.kind === 'group') {
    // The group itself, a row inside it, or a collapsed group that holds it.
    return isInGroup(entry.node.id, hit.id) || (entry.kind === 'group' && isInGroup(hit.id, entry.node.id));
  }
  if (entry.kind === 'host') {
    return names[tree.order[entry.start]] === hit.id;
  }
  for (let p = entry.start; p < entry.end; p++) {
    if (names[tree.order[p]] === hit.id) {
      return true;
    }
  }
  return false;
}

export interface RevealInput {
  model: MatrixModel;
  view: View;
  startLevel: string;
  toggled: ReadonlySet<string>;
  zoom: Zoom[];
  hit: SearchHit;
}

/**
 * The expansion and zoom that make the hit a row and a column of its own: every group above it expanded (a group hit
 * itself stays collapsed, as one row), and the zoom left when the hit lies outside it.
 */
export function reveal({ model, view, startLevel, toggled, zoom, hit }: RevealInput): {
  toggled: Set<string>;
  zoom: Zoom[];
} {
  const ancestors = (tree: AxisTree, names: string[], paths: string[][]): string[] => {
    if (hit.kind === 'group') {
      return tree.byId.has(hit.id) ? groupAncestry(hit.id).slice(0, -1) : [];
    }
    const h = names.indexOf(hit.id);
    if (h < 0) {
      return [];
    }
    return paths[h].map((_, i) => groupId(paths[h], i + 1));
  };
  const rowIds = ancestors(view.rowTree, model.rows, model.rowPaths);
  const colIds = ancestors(view.colTree, model.cols, model.colPaths);

  const last = view.zoom[view.zoom.length - 1];
  const inside = (ids: string[], within: string | undefined) => !within || ids.includes(within);
  const keepZoom = last !== undefined && inside(rowIds, last.row) && inside(colIds, last.col);
  const nextZoom = keepZoom ? zoom : [];
  const zoomed = keepZoom ? last : undefined;

  const startIndex = Math.max(0, model.levels.indexOf(startLevel));
  const next = new Set(toggled);
  const expand = (tree: AxisTree, ids: string[], within: string | undefined) => {
    const withinNode = within ? tree.byId.get(within) : undefined;
    const state = { startLevel: Math.max(startIndex, withinNode ? withinNode.level + 1 : 0), toggled: next };
    for (const id of ids) {
      const node = tree.byId.get(id);
      if (node && !isExpanded(node, state)) {
        if (next.has(id)) {
          next.delete(id);
        } else {
          next.add(id);
        }
      }
    }
  };
  expand(view.rowTree, rowIds, zoomed?.row);
  expand(view.colTree, colIds, zoomed?.col);
  return { toggled: next, zoom: nextZoom };
}

/** Index of the first visible entry matching the hit on an axis, or -1. */
export function findEntry(entries: AxisEntry[], hit: SearchHit, tree: AxisTree, names: string[]): number {
  return entries.findIndex((e) => entryMatches(e, hit, tree, names));
}
