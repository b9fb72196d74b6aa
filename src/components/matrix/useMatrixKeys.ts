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
  /**
   * Whether the menu / the pair view is open or was just asked for: what the handlers last set, not the last render's
   * state, so that Esc in the same tick as Shift+F10 or Enter closes what they opened.
   */
  isMenuOpen: () => boolean;
  isPairOpen: () => boolean;
  closeMenu: () => void;
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
  isMenuOpen,
  isPairOpen,
  closeMenu,
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

  // Esc anywhere in the panel closes what is open, innermost first: menu, pair view, focus cell. Inside the menu its
  // own handler takes Esc; this one closes a menu the focus has not reached yet (just opened, or not rendered yet).
  const onRootKeyDown = useStableCallback((e: React.KeyboardEvent) => {
    if (e.key !== 'Escape') {
      return;
    }
    if (isMenuOpen()) {
      closeMenu();
    } else if (isPairOpen()) {
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
