import { useMemo } from 'react';

import { estimateTextWidth } from '../render/layout';

/**
 * Measures label widths with a canvas context; falls back to an estimate where canvas is missing (jsdom).
 * 15 % slack: the canvas may measure with a fallback font before the web font has loaded, and DOM labels then truncate.
 */
export function useTextWidth(fontSize: number, fontFamily: string): (text: string) => number {
  // Bound functions, not arrows: the memo lives as long as the component, and the minifier inlines this hook into its
  // caller, where an arrow would share (and keep) the caller's first render scope — its model and frames.
  return useMemo(() => {
    const ctx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
    if (!ctx) {
      return estimateWidth.bind(undefined, fontSize);
    }
    ctx.font = `${fontSize}px ${fontFamily}`;
    return canvasWidth.bind(undefined, ctx);
  }, [fontSize, fontFamily]);
}

function estimateWidth(fontSize: number, text: string): number {
  return estimateTextWidth(text, fontSize);
}

function canvasWidth(ctx: CanvasRenderingContext2D, text: string): number {
  return Math.ceil(ctx.measureText(text).width * 1.15);
}
