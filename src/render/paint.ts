import { GrafanaTheme2, getScaleCalculator } from '@grafana/data';
import { rgb } from 'd3-color';

import { CellState, CellStateCode, MatrixModel } from '../model/types';
import { stateColors } from './palette';

/** RGBA bytes of a CSS colour; unparsable colours become transparent rather than a wrong colour. */
function rgba(css: string): [number, number, number, number] {
  const c = rgb(css);
  if (c == null || Number.isNaN(c.r)) {
    return [0, 0, 0, 0];
  }
  return [Math.round(c.r), Math.round(c.g), Math.round(c.b), Math.round(c.opacity * 255)];
}

/**
 * One RGBA pixel per cell, row-major: the ImageData the canvas scales up without smoothing.
 * Value colours come from Grafana's scale calculator (thresholds or a continuous scheme, per field config).
 */
export function paintCells(model: MatrixModel, theme: GrafanaTheme2): Uint8ClampedArray {
  const { values, states } = model;
  const out = new Uint8ClampedArray(values.length * 4);
  const scale = getScaleCalculator(model.field, theme);
  const byState = stateColors(theme);
  const fixed = new Map<number, [number, number, number, number]>();
  for (const [state, css] of Object.entries(byState)) {
    fixed.set(Number(state), rgba(css));
  }
  const cache = new Map<string, [number, number, number, number]>();
  for (let i = 0; i < values.length; i++) {
    const state = states[i];
    let px: [number, number, number, number] | undefined;
    if (state === CellState.Value) {
      const css = scale(values[i]).color;
      px = cache.get(css);
      if (!px) {
        px = rgba(css);
        cache.set(css, px);
      }
    } else {
      px = fixed.get(state);
    }
    if (px) {
      out.set(px, i * 4);
    }
  }
  return out;
}

/** The CSS colour of one cell, for legends, tooltips and tests. */
export function cellColor(model: MatrixModel, theme: GrafanaTheme2, index: number): string {
  const state = model.states[index] as CellStateCode;
  if (state === CellState.Value) {
    return getScaleCalculator(model.field, theme)(model.values[index]).color;
  }
  return stateColors(theme)[state];
}
