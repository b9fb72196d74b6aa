import { Axes } from './axes';
import { Raw } from './score';

/** Rows (or columns) of an axis whose group at a level is g. */
function members(groups: Int32Array, g: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    if (groups[i] === g) {
      out.push(i);
    }
  }
  return out;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Calls fn(r, c) for every cell of the candidate's pair set, each once, in O(cells of the set) — not O(all cells):
 * taking a host's cross out of a million-cell matrix touches its two thousand cells only.
 */
export function forEachCell(ax: Axes, raw: Raw, fn: (r: number, c: number) => void): void {
  const { R, C, rowG, colG } = ax;
  const rowsAndCols = (rows: number[], cols: number[], useRows: boolean, useCols: boolean) => {
    const inRow = new Uint8Array(R);
    if (useRows) {
      for (const r of rows) {
        inRow[r] = 1;
        for (let c = 0; c < C; c++) {
          fn(r, c);
        }
      }
    }
    if (useCols) {
      for (let r = 0; r < R; r++) {
        if (!inRow[r]) {
          for (const c of cols) {
            fn(r, c);
          }
        }
      }
    }
  };
  const useRows = raw.role !== 'destination';
  const useCols = raw.role !== 'source';
  if (raw.kind === 'hosts') {
    const rows = raw.members.map((h) => ax.hostRow[h]).filter((r) => r >= 0);
    const cols = raw.members.map((h) => ax.hostCol[h]).filter((c) => c >= 0);
    rowsAndCols(rows, cols, useRows, useCols);
    return;
  }
  const l = raw.level;
  if (raw.kind === 'group') {
    rowsAndCols(members(rowG[l], raw.id), members(colG[l], raw.id), useRows, useCols);
    return;
  }
  if (raw.kind === 'link') {
    const block = (a: number, b: number) => {
      const cols = members(colG[l], b);
      for (const r of members(rowG[l], a)) {
        for (const c of cols) {
          fn(r, c);
        }
      }
    };
    block(raw.id, raw.other);
    if (!raw.directed) {
      block(raw.other, raw.id);
    }
    return;
  }
  // Layer above: inside the group (or everywhere), between different child groups.
  const k = raw.other;
  const rows = l < 0 ? range(R) : members(rowG[l], raw.id);
  const cols = l < 0 ? range(C) : members(colG[l], raw.id);
  for (const r of rows) {
    const child = rowG[k][r];
    for (const c of cols) {
      if (colG[k][c] !== child) {
        fn(r, c);
      }
    }
  }
}

/** The pairs inside the child groups of a layer-above candidate (the ones that must be fine). */
export function insideOf(ax: Axes, raw: Raw): (r: number, c: number) => boolean {
  const { rowG, colG } = ax;
  const { level: l, id } = raw;
  const k = raw.other;
  return l < 0
    ? (r, c) => rowG[k][r] === colG[k][c]
    : (r, c) => rowG[l][r] === id && colG[l][c] === id && rowG[k][r] === colG[k][c];
}
