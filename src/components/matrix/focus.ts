import { MatrixModel } from '../../model/types';
import { SearchHit, findEntry } from '../../view/navigate';
import { View } from '../../view/view';

export type Cell = { row: number; col: number };

/** The keyboard's focus cell: a position, or a search match whose position the next view tells. */
export type FocusTarget = Cell | { hit: SearchHit };

/**
 * Where the focus cell is in this view: a match is at its row × its column (or the first of the other axis), so the
 * view a reveal builds is the one that places it (no second buildView); a position past the matrix is no focus.
 */
export function focusCell(target: FocusTarget | undefined, view: View, model: Pick<MatrixModel, 'rows' | 'cols'>) {
  if (!target) {
    return undefined;
  }
  const { rows, cols } = view.matrix;
  if ('hit' in target) {
    const row = findEntry(rows, target.hit, view.rowTree, model.rows);
    const col = findEntry(cols, target.hit, view.colTree, model.cols);
    return row >= 0 || col >= 0 ? { row: Math.max(0, row), col: Math.max(0, col) } : undefined;
  }
  return target.row < rows.length && target.col < cols.length ? target : undefined;
}

/** Arrow keys, Home and End move the focus cell by these [rows, cols]. */
export const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  Home: [0, -Infinity],
  End: [0, Infinity],
};

/** The focus cell after a move key: from the top-left corner when there is none, clamped to the matrix. */
export function moveFocus(focus: Cell | undefined, delta: [number, number], rows: number, cols: number): Cell {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  return focus === undefined
    ? { row: 0, col: 0 }
    : { row: clamp(focus.row + delta[0], rows), col: clamp(focus.col + delta[1], cols) };
}
