import { Field, FieldColorModeId, GrafanaTheme2, getActiveThreshold, getScaleCalculator } from '@grafana/data';
import { rgb } from 'd3-color';

import { CellState, CellStateCode } from '../model/types';
import { stateColors } from './palette';

/** The cells to paint: a model or a view, whichever is drawn. */
export interface CellGrid {
  values: Float64Array;
  states: Uint8Array;
  field: Field;
}

export interface Painted {
  /** One RGBA pixel per cell, row-major: the ImageData the canvas scales up without smoothing. */
  rgba: Uint8ClampedArray;
  /** Severity per cell (higher = worse) so that pooled pixels keep the worst cell: breaches never disappear. */
  rank: Float32Array;
}

type Rgba = [number, number, number, number];

/** RGBA bytes of a CSS colour; unparsable colours become transparent rather than a wrong colour. */
function rgba(css: string): Rgba {
  const c = rgb(css);
  if (c == null || Number.isNaN(c.r)) {
    return [0, 0, 0, 0];
  }
  return [Math.round(c.r), Math.round(c.g), Math.round(c.b), Math.round(c.opacity * 255)];
}

// Below any value: self < no data < invalid. Values rank 3 + threshold index (or 3 + percent for continuous schemes).
const STATE_RANK: Record<number, number> = { [CellState.Self]: 0, [CellState.NoData]: 1, [CellState.Invalid]: 2 };

/**
 * Colours come from Grafana: threshold colours for the thresholds colour mode (resolved once per step, so a
 * million cells cost a threshold lookup each), Grafana's scale calculator for continuous schemes.
 */
export function paintCells(grid: CellGrid, theme: GrafanaTheme2): Painted {
  const { values, states, field } = grid;
  const n = values.length;
  const out = new Uint8ClampedArray(n * 4);
  const rank = new Float32Array(n);
  const fixed = new Map<number, Rgba>(Object.entries(stateColors(theme)).map(([s, css]) => [Number(s), rgba(css)]));
  const valueColor = valuePainter(field, theme);
  for (let i = 0; i < n; i++) {
    const state = states[i];
    if (state === CellState.Value) {
      const { px, severity } = valueColor(values[i]);
      out.set(px, i * 4);
      rank[i] = 3 + severity;
    } else {
      const px = fixed.get(state);
      if (px) {
        out.set(px, i * 4);
      }
      rank[i] = STATE_RANK[state] ?? 0;
    }
  }
  return { rgba: out, rank };
}

function valuePainter(field: Field, theme: GrafanaTheme2): (v: number) => { px: Rgba; severity: number } {
  const steps = field.config.thresholds?.steps ?? [];
  const percentMode = field.config.thresholds?.mode === 'percentage';
  if (field.config.color?.mode === FieldColorModeId.Thresholds && steps.length > 0 && !percentMode) {
    const byStep = new Map(
      steps.map((s, i) => [s, { px: rgba(theme.visualization.getColorByName(s.color)), severity: i }])
    );
    return (v) => byStep.get(getActiveThreshold(v, steps))!;
  }
  const scale = getScaleCalculator(field, theme);
  const cache = new Map<string, Rgba>();
  return (v) => {
    const { color, percent } = scale(v);
    let px = cache.get(color);
    if (!px) {
      px = rgba(color);
      cache.set(color, px);
    }
    return { px, severity: Number.isFinite(percent) ? percent : 0 };
  };
}

/** The CSS colour of one cell, for tooltips and tests. */
export function cellColor(grid: CellGrid, theme: GrafanaTheme2, index: number): string {
  const state = grid.states[index] as CellStateCode;
  if (state === CellState.Value) {
    return getScaleCalculator(grid.field, theme)(grid.values[index]).color;
  }
  return stateColors(theme)[state];
}
