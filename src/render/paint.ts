import { Field, GrafanaTheme2, getFieldColorModeForField, getScaleCalculator } from '@grafana/data';
import { rgb } from 'd3-color';

import { SHARE_BREACH, SHARE_WARN } from '../view/aggregate';
import { Status, StatusCode } from '../model/sla';
import { CELLS_PER_STEP, finish } from '../util/steps';

/** The cells to paint: a model or a view, whichever is drawn. */
export interface CellGrid {
  values: Float64Array;
  /** SLA status per cell (sla.ts). */
  status: Uint8Array;
  field: Field;
  /** Aggregation `share`: group cells' share of pairs over SLA (NaN elsewhere), painted as a ramp. */
  share?: Float32Array;
}

export interface Painted {
  /** One RGBA pixel per cell, row-major: the ImageData the canvas scales up without smoothing. */
  rgba: Uint8ClampedArray<ArrayBuffer>;
  /** Severity per cell (higher = worse) so that pooled pixels keep the worst cell: breaches never disappear. */
  rank: Float32Array;
}

type Rgba = [number, number, number, number];

/** RGBA bytes of a CSS colour; unparsable colours become transparent rather than a wrong colour. */
export function rgba(css: string): Rgba {
  const c = rgb(css);
  if (c == null || Number.isNaN(c.r)) {
    return [0, 0, 0, 0];
  }
  return [Math.round(c.r), Math.round(c.g), Math.round(c.b), Math.round(c.opacity * 255)];
}

const SLOTS = 256;

/**
 * Colours by status: one lookup and one 32-bit store per cell (a million cells in a few ms). With a continuous colour
 * scheme in the field's Color option, judged cells (OK / warning / over SLA) take the scheme's colour for their value
 * instead; every other status keeps its own colour, so no data never looks like a reading.
 */
export function paintCells(grid: CellGrid, theme: GrafanaTheme2, colors: Record<StatusCode, string>): Painted {
  return finish(paintCellsSteps(grid, theme, colors));
}

/** The same, as steps: it yields every CELLS_PER_STEP cells (16 M cells at 4,096 hosts paint in slices). */
export function* paintCellsSteps(
  grid: CellGrid,
  theme: GrafanaTheme2,
  colors: Record<StatusCode, string>
): Generator<void, Painted> {
  const { values, status, field } = grid;
  const n = values.length;
  const out = new Uint8ClampedArray(n * 4);
  const out32 = new Uint32Array(out.buffer);
  const rank = new Float32Array(n);
  const lut = new Uint32Array(SLOTS);
  const bytes = new Uint8ClampedArray(4);
  const word = new Uint32Array(bytes.buffer);
  for (const [code, css] of Object.entries(colors)) {
    bytes.set(rgba(css));
    lut[Number(code)] = word[0];
  }
  // Only continuous schemes colour by value; thresholds (the default), fixed, shades and palettes would hide the state.
  const valueColor = getFieldColorModeForField(field).isContinuous ? scalePainter(field, theme) : undefined;
  const { share } = grid;
  const ramp = share ? shareRamp(colors) : undefined;
  const judged = (st: number) => st === Status.OK || st === Status.Warning || st === Status.Breach;
  for (let from = 0; from < n; from += CELLS_PER_STEP) {
    const to = Math.min(n, from + CELLS_PER_STEP);
    if (!ramp && !valueColor) {
      // Colour by status alone (the default): the hot loop, one lookup and two stores per cell.
      for (let i = from; i < to; i++) {
        const st = status[i];
        rank[i] = st;
        out32[i] = lut[st];
      }
    } else {
      for (let i = from; i < to; i++) {
        const st = status[i];
        rank[i] = st;
        if (ramp && share![i] === share![i] && judged(st)) {
          out.set(ramp(share![i]), i * 4);
          rank[i] = st + Math.min(0.99, share![i]);
        } else if (valueColor && judged(st) && values[i] === values[i]) {
          const { px, severity } = valueColor(values[i]);
          out.set(px, i * 4);
          rank[i] = st + Math.min(0.99, Math.max(0, severity));
        } else {
          out32[i] = lut[st];
        }
      }
    }
    yield;
  }
  return { rgba: out, rank };
}

/**
 * Share of a group's pairs over SLA → colour: the OK colour at none, the warning colour at SHARE_WARN, the over-SLA
 * colour from SHARE_BREACH, mixed linearly between (so 2 % of a region's pairs failing is a visible tint, not red).
 */
export function shareRamp(colors: Record<StatusCode, string>): (share: number) => Rgba {
  const ok = rgba(colors[Status.OK]);
  const warn = rgba(colors[Status.Warning]);
  const breach = rgba(colors[Status.Breach]);
  const mix = (a: Rgba, b: Rgba, t: number): Rgba =>
    [0, 1, 2, 3].map((k) => Math.round(a[k] + (b[k] - a[k]) * t)) as Rgba;
  return (share) =>
    share <= SHARE_WARN
      ? mix(ok, warn, Math.max(0, share) / SHARE_WARN)
      : mix(warn, breach, Math.min(1, (share - SHARE_WARN) / (SHARE_BREACH - SHARE_WARN)));
}

/** Continuous schemes: Grafana's scale calculator, colours cached by CSS string. */
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
