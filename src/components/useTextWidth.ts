import { useMemo } from 'react';

import { estimateTextWidth } from '../layout/layout';

/**
 * Measures label widths with a canvas context; falls back to an estimate where canvas is missing (jsdom).
 * 15 % slack: the canvas may measure with a fallback font before the web font has loaded, and DOM labels then truncate.
 */
export function useTextWidth(fontSize: number, fontFamily: string): (text: string) => number {
  return useMemo(() => {
    const ctx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
    if (!ctx) {
      return (text: string) => estimateTextWidth(text, fontSize);
    }
    ctx.font = `${fontSize}px ${fontFamily}`;
    return (text: string) => Math.ceil(ctx.measureText(text).width * 1.15);
  }, [fontSize, fontFamily]);
}
