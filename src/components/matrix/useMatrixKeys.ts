import React from 'react';

import { useStableCallback } from '../useStableCallback';

type Cell = { row: number; col: number };

/** Arrow keys, Home and End move the focus cell by these [rows, cols]. */
const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  Home: [0, -Infinity],
  End: [0, Infinity],
};

export interface MatrixKeysInput {
  focus: Cell | undefined;
  setFocus: React.Dispatch<React.SetStateAction<Cell | undefined>>;
  rows: number;
  cols: number;
  /** Enter: the pair view, a zoom or an expansion. */
  openCell: (row: number, col: number) => void;
  /** Shift+F10 or the context-menu key: the cell menu. */
  menuAt: (row: number, col: number) => void;
  menuOpen: boolean;
  pairOpen: boolean;
  closePair: () => void;
}

/** The matrix's keyboard: the grid's own keys, and Esc anywhere in the panel. */
export function useMatrixKeys({
  focus,
  setFocus,
  rows,
  cols,
  openCell,
  menuAt,
  menuOpen,
  pairOpen,
  closePair,
}: MatrixKeysInput) {
  const onGridKeyDown = useStableCallback((e: React.KeyboardEvent) => {
    // The focus cell is an index: after a regroup or a refresh with fewer rows it may point past the matrix.
    const inside = focus !== undefined && focus.row < rows && focus.col < cols;
    if (e.key === 'Enter' && focus && inside) {
      e.preventDefault();
      openCell(focus.row, focus.col);
      return;
    }
    if ((e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) && focus && inside) {
      e.preventDefault();
      menuAt(focus.row, focus.col);
      return;
    }
    const delta = MOVES[e.key];
    if (!delta || rows === 0 || cols === 0) {
      return;
    }
    e.preventDefault();
    setFocus((f) => {
      const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
      return f === undefined || f.row >= rows || f.col >= cols
        ? { row: 0, col: 0 }
        : { row: clamp(f.row + delta[0], rows), col: clamp(f.col + delta[1], cols) };
    });
  });

  // Esc anywhere in the panel closes what is open, innermost first: menu (its own handler), pair view, focus cell.
  const onRootKeyDown = useStableCallback((e: React.KeyboardEvent) => {
    if (e.key !== 'Escape' || menuOpen) {
      return;
    }
    if (pairOpen) {
      closePair();
    } else if (focus) {
      setFocus(undefined);
    } else {
      return;
    }
    e.stopPropagation();
  });
  return { onGridKeyDown, onRootKeyDown };
}
