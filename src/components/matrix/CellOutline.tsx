import { useTheme2 } from '@grafana/ui';
import React, { memo, useEffect, useMemo, useRef } from 'react';

import { Layout } from '../../render/layout';
import { View } from '../../view/view';

interface OutlineProps {
  /** Model cell indices (row × model columns + column). */
  cells: ArrayLike<number>;
  view: View;
  modelCols: number;
  layout: Layout;
  /** Dashed: a diagnosis' cells; solid: cells that changed. */
  dashed: boolean;
  testId: string;
}

/** Outlines the drawn cells holding these model cells (group cells hold many): one small canvas, no DOM per cell. */
export const CellOutline = memo(function CellOutline({
  cells: modelCells,
  view,
  modelCols,
  layout,
  dashed,
  testId,
}: OutlineProps) {
  const theme = useTheme2();
  const canvas = useRef<HTMLCanvasElement>(null);
  const { rows, cols } = view.matrix;
  const cells = useMemo(() => {
    const rowOf = positions(rows, view.rowTree.order);
    const colOf = positions(cols, view.colTree.order);
    const out = new Set<number>();
    for (let i = 0; i < modelCells.length; i++) {
      const c = modelCells[i];
      const r = rowOf.get(Math.floor(c / modelCols));
      const k = colOf.get(c % modelCols);
      if (r !== undefined && k !== undefined) {
        out.add(r * cols.length + k);
      }
    }
    return out;
  }, [modelCells, rows, cols, view, modelCols]);
  const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) {
      return;
    }
    el.width = Math.max(1, Math.round(layout.w * dpr));
    el.height = Math.max(1, Math.round(layout.h * dpr));
    ctx.clearRect(0, 0, el.width, el.height);
    ctx.strokeStyle = theme.colors.text.primary;
    ctx.lineWidth = Math.max(1, Math.round(2 * dpr));
    ctx.setLineDash(dashed && layout.cellW >= 8 ? [3 * dpr, 2 * dpr] : []);
    ctx.beginPath();
    const n = cols.length;
    for (const i of cells) {
      const r = Math.floor(i / n);
      const c = i % n;
      ctx.rect(c * layout.cellW * dpr + 1, r * layout.cellH * dpr + 1, layout.cellW * dpr - 2, layout.cellH * dpr - 2);
    }
    ctx.stroke();
  }, [cells, cols.length, layout, dpr, theme, dashed]);

  return (
    <canvas
      ref={canvas}
      data-testid={testId}
      data-cells={cells.size}
      style={{ position: 'absolute', left: 0, top: 0, width: layout.w, height: layout.h, pointerEvents: 'none' }}
    />
  );
});

/** Model host index → the drawn row (or column) holding it. */
function positions(entries: View['matrix']['rows'], order: Int32Array): Map<number, number> {
  const out = new Map<number, number>();
  entries.forEach((e, i) => {
    for (let p = e.start; p < e.end; p++) {
      out.set(order[p], i);
    }
  });
  return out;
}
