import React from 'react';

import { Layout, cellAt } from '../../render/layout';
import { CellAction } from '../CellActions';
import { HoverStore } from './hoverStore';
import { useStableCallback } from '../useStableCallback';

/** The cell menu, with its title and actions fixed when it opened: a refresh that reorders rows must not retarget it. */
export interface Menu {
  x: number;
  y: number;
  title: string;
  actions: CellAction[];
}

export interface GridPointerInput {
  grid: React.RefObject<HTMLDivElement | null>;
  layout: Layout;
  rows: number;
  cols: number;
  hovers: HoverStore;
  setFocus: (cell: { row: number; col: number }) => void;
  /** A click: the pair view, a zoom or an expansion. */
  openCell: (row: number, col: number) => void;
  setMenu: (menu: Menu) => void;
  menuFor: (row: number, col: number) => Omit<Menu, 'x' | 'y'>;
}

/** The pointer on the matrix: hover (the tooltip), click, right-click; and the cell menu at a cell (keyboard). */
export function useGridPointer({
  grid,
  layout,
  rows,
  cols,
  hovers,
  setFocus,
  openCell,
  setMenu,
  menuFor,
}: GridPointerInput) {
  const hitTest = useStableCallback((e: React.PointerEvent | React.MouseEvent) => {
    const box = grid.current!.getBoundingClientRect();
    return cellAt({ ...layout, x: 0, y: 0 }, rows, cols, e.clientX - box.left, e.clientY - box.top);
  });
  // At most one hover update per animation frame, however fast the pointer moves (HoverStore).
  const onPointerMove = useStableCallback((e: React.PointerEvent) => {
    const hit = hitTest(e);
    hovers.set(hit && { ...hit, clientX: e.clientX, clientY: e.clientY });
  });
  const onPointerLeave = useStableCallback(() => hovers.clear());
  const onClick = useStableCallback((e: React.MouseEvent) => {
    const hit = hitTest(e);
    if (hit) {
      setFocus(hit);
      openCell(hit.row, hit.col);
    }
  });
  const onContextMenu = useStableCallback((e: React.MouseEvent) => {
    const hit = hitTest(e);
    if (hit) {
      e.preventDefault();
      setMenu({ x: e.clientX, y: e.clientY, ...menuFor(hit.row, hit.col) });
    }
  });
  const menuAt = useStableCallback((row: number, col: number) => {
    const box = grid.current!.getBoundingClientRect();
    setMenu({ x: box.left + (col + 1) * layout.cellW, y: box.top + (row + 1) * layout.cellH, ...menuFor(row, col) });
  });
  return { onPointerMove, onPointerLeave, onClick, onContextMenu, menuAt };
}
