import React, { useEffect, useRef } from 'react';

import { TEST_IDS } from '../constants';
import { Layout } from '../layout/layout';

interface Props {
  pixels: Uint8ClampedArray;
  rows: number;
  cols: number;
  layout: Layout;
}

/**
 * One ImageData pixel per cell, drawn scaled up without smoothing: cost is O(cells) once per model,
 * and a resize only redraws the small image.
 */
export function MatrixCanvas({ pixels, rows, cols, layout }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || rows === 0 || cols === 0) {
      return;
    }
    el.width = Math.max(1, Math.round(layout.w * dpr));
    el.height = Math.max(1, Math.round(layout.h * dpr));
    const source = document.createElement('canvas');
    source.width = cols;
    source.height = rows;
    source.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(pixels), cols, rows), 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.clearRect(0, 0, el.width, el.height);
    ctx.drawImage(source, 0, 0, el.width, el.height);
    // Hairline gaps between cells once they are big enough to read as a grid.
    if (layout.cellW >= 6 && layout.cellH >= 6) {
      ctx.globalCompositeOperation = 'destination-out';
      ctx.fillStyle = 'black';
      for (let c = 1; c < cols; c++) {
        ctx.fillRect(Math.round(c * layout.cellW * dpr), 0, Math.max(1, Math.round(dpr)), el.height);
      }
      for (let r = 1; r < rows; r++) {
        ctx.fillRect(0, Math.round(r * layout.cellH * dpr), el.width, Math.max(1, Math.round(dpr)));
      }
      ctx.globalCompositeOperation = 'source-over';
    }
  }, [pixels, rows, cols, layout, dpr]);

  return (
    <canvas
      ref={canvas}
      data-testid={TEST_IDS.canvas}
      data-layout={JSON.stringify({ x: layout.x, y: layout.y, cellW: layout.cellW, cellH: layout.cellH, rows, cols })}
      style={{ width: layout.w, height: layout.h, display: 'block', imageRendering: 'pixelated' }}
    />
  );
}
