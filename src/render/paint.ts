import { Field, FieldColorModeId, GrafanaTheme2, getScaleCalculator } from '@grafana/data';
import { rgb } from 'd3-color';

import { CellState } from '../model/types';
import { stateColors } from './palette';

/** The cells to paint: a model or a view, whichever is drawn. */
export interface CellGrid {
  values: Float64Array;
  states: Uint8Array;
  field: Field;
}

export interface Painted {
  /** One RGBA pixel per cell, row-major: the ImageData the canvas scales up without smoothing. */
  rgba: Uint8ClampedArray<ArrayBuffer>;
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
  const steps = thresholdSteps(field, theme);
  if (steps) {
    paintByThresholds({ values, states, out, rank, fixed, steps });
    return { rgba: out, rank };
  }
  const valueColor = scalePainter(field, theme);
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

interface Steps {
  /** Ascending step values (the base step is -Infinity). */
  at: Float64Array;
  /** Packed RGBA per step, in the platform's byte order for a Uint32Array view. */
  packed: Uint32Array;
}

/** Absolute thresholds with the thresholds colour mode: colours resolved once per step. */
function thresholdSteps(field: Field, theme: GrafanaTheme2): Steps | undefined {
  const steps = field.config.thresholds?.steps ?? [];
  if (
    field.config.color?.mode !== FieldColorModeId.Thresholds ||
    steps.length === 0 ||
    field.config.thresholds?.mode === 'percentage'
  ) {
    return undefined;
  }
  const px = steps.map((s) => rgba(theme.visualization.getColorByName(s.color)));
  return { at: Float64Array.from(steps, (s, i) => (i === 0 ? -Infinity : s.value)), packed: pack(px) };
}

function pack(pixels: Rgba[]): Uint32Array {
  const bytes = new Uint8ClampedArray(pixels.length * 4);
  pixels.forEach((p, i) => bytes.set(p, i * 4));
  return new Uint32Array(bytes.buffer);
}

interface ThresholdPaint {
  values: Float64Array;
  states: Uint8Array;
  out: Uint8ClampedArray<ArrayBuffer>;
  rank: Float32Array;
  fixed: Map<number, Rgba>;
  steps: Steps;
}

/** The hot loop for a million cells: a step scan and one 32-bit store per cell. */
function paintByThresholds({ values, states, out, rank, fixed, steps }: ThresholdPaint) {
  const out32 = new Uint32Array(out.buffer);
  const stateIds = [...fixed.keys()];
  const statePx = pack(stateIds.map((s) => fixed.get(s)!));
  const stateOf = new Uint32Array(256);
  const hasState = new Uint8Array(256);
  stateIds.forEach((s, i) => {
    stateOf[s] = statePx[i];
    hasState[s] = 1;
  });
  const { at, packed } = steps;
  const last = at.length - 1;
  for (let i = 0; i < values.length; i++) {
    const state = states[i];
    if (state === CellState.Value) {
      const v = values[i];
      let k = last;
      while (k > 0 && v < at[k]) {
        k--;
      }
      out32[i] = packed[k];
      rank[i] = 3 + k;
    } else {
      if (hasState[state]) {
        out32[i] = stateOf[state];
      }
      rank[i] = STATE_RANK[state] ?? 0;
    }
  }
}

/** Continuous schemes and percentage thresholds: Grafana's scale calculator, colours cached by CSS string. */
function scalePainter(field: Field, theme: GrafanaTheme2): (v: number) => { px: Rgba; severity: number } {
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
