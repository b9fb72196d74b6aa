import React from 'react';

import { useStableCallback } from '../useStableCallback';

import { Cell, MOVES, moveFocus } from './focus';

export interface MatrixKeysInput {
  /** The focus cell where it is in this view (focusCell), if any. */
  focus: Cell | undefined;
  setFocus: (cell: Cell | undefined) => void;
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
    if (e.key === 'Enter' && focus) {
      e.preventDefault();
      openCell(focus.row, focus.col);
      return;
    }
    if ((e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) && focus) {
      e.preventDefault();
      menuAt(focus.row, focus.col);
      return;
    }
    const delta = MOVES[e.key];
    if (!delta || rows === 0 || cols === 0) {
      return;
    }
    e.preventDefault();
    setFocus(moveFocus(focus, delta, rows, cols));
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
