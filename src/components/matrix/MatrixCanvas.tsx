import React, { memo, useEffect, useRef } from 'react';

import { CanvasLayout, TEST_IDS } from '../testIds';
import { Layout } from '../../render/layout';
import { AxisEntry } from '../../view/hierarchy';
import { groupPath } from '../../model/groupId';
import { timed } from '../../util/perf';
import { Painted } from '../../render/paint';
import { drawMarks } from '../../render/marks';
import { poolWorst } from '../../render/pool';
import { StatusCode } from '../../model/sla';

interface Props {
  painted: Painted;
  rows: number;
  cols: number;
  layout: Layout;
  /** Entry indices where a group boundary is drawn (a gap across the matrix). */
  separators: { rows: number[]; cols: number[] };
  /** Statuses for the marks drawn in cells big enough to hold one (the non-colour cue). */
  marks?: { status: Uint8Array; lossStatus?: Uint8Array; colors: Record<StatusCode, string> };
}

/**
 * One ImageData pixel per cell, drawn scaled up without smoothing: O(cells) once per view, and a resize only
 * redraws the small image. With more cells than device pixels, cells are max-pooled by severity first.
 */
export const MatrixCanvas = memo(function MatrixCanvas({ painted, rows, cols, layout, separators, marks }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // The cells' image, one pixel per cell, kept between draws: a new canvas and context per refresh cost more than
  // the image at 50 hosts.
  const image = useRef<HTMLCanvasElement>(undefined);
  const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || rows === 0 || cols === 0) {
      return;
    }
    timed('pingmesh:draw', () => {
      // Setting a canvas' size clears it and resets its context, even to the same size: only when it changes.
      const w = Math.max(1, Math.round(layout.w * dpr));
      const h = Math.max(1, Math.round(layout.h * dpr));
      if (el.width !== w || el.height !== h) {
        el.width = w;
        el.height = h;
      }
      ctx.save();
      const pooled = poolWorst(painted, rows, cols, Math.min(cols, el.width), Math.min(rows, el.height));
      const source = (image.current ??= document.createElement('canvas'));
      if (source.width !== pooled.width || source.height !== pooled.height) {
        source.width = pooled.width;
        source.height = pooled.height;
      }
      source.getContext('2d')!.putImageData(new ImageData(pooled.rgba, pooled.width, pooled.height), 0, 0);
      ctx.imageSmoothingEnabled = false;
      ctx.clearRect(0, 0, el.width, el.height);
      ctx.drawImage(source, 0, 0, el.width, el.height);
      // Gaps cut out of the image: hairlines between cells once they read as a grid, wider at group boundaries.
      ctx.globalCompositeOperation = 'destination-out';
      const line = (at: number, size: number, vertical: boolean) =>
        vertical
          ? ctx.fillRect(Math.round(at * dpr), 0, size, el.height)
          : ctx.fillRect(0, Math.round(at * dpr), el.width, size);
      const hair = Math.max(1, Math.round(dpr));
      if (layout.cellW >= 6 && layout.cellH >= 6) {
        for (let c = 1; c < cols; c++) {
          line(c * layout.cellW, hair, true);
        }
        for (let r = 1; r < rows; r++) {
          line(r * layout.cellH, hair, false);
        }
      }
      separators.cols.forEach((c) => line(c * layout.cellW - dpr, 2 * hair, true));
      separators.rows.forEach((r) => line(r * layout.cellH - dpr, 2 * hair, false));
      ctx.globalCompositeOperation = 'source-over';
      if (marks) {
        const drawn = drawMarks({ ctx, ...marks, rows, cols, cellW: layout.cellW, cellH: layout.cellH, dpr });
        el.dataset.marks = String(drawn);
      }
      // Every draw starts from the default state, as it did when the size was set each time.
      ctx.restore();
    });
  }, [painted, rows, cols, layout, dpr, separators, marks]);

  return (
    <canvas
      ref={canvas}
      data-testid={TEST_IDS.canvas}
      data-layout={JSON.stringify({
        x: layout.x,
        y: layout.y,
        cellW: layout.cellW,
        cellH: layout.cellH,
        rows,
        cols,
      } satisfies CanvasLayout)}
      style={{ width: layout.w, height: layout.h, display: 'block', imageRendering: 'pixelated' }}
    />
  );
});

/**
 * Where to draw group boundaries: between entries whose groups differ just below what all visible entries share
 * (DCs at the top, the ToRs of a DC once zoomed into it).
 */
export function separatorsOf(entries: AxisEntry[]): number[] {
  const paths = entries.map((e) => groupPath(e.node.id));
  let shared = 0;
  while (paths.length > 0 && paths.every((p) => p.length > shared && p[shared] === paths[0][shared])) {
    shared++;
  }
  const out: number[] = [];
  for (let i = 1; i < paths.length; i++) {
    if (paths[i][shared] !== undefined && paths[i][shared] !== paths[i - 1][shared]) {
      out.push(i);
    }
  }
  return out;
}
