import { colorManipulator } from '@grafana/data';

import { STATUS_COUNT, Status, StatusCode } from '../model/sla';
import { MARK_INK } from './palette';

/**
 * The non-colour cue of a status, so that states survive greyscale printing and colour blindness. One geometry
 * ({@link traceMark}) feeds both the canvas and the legend's SVG swatches, so the legend shows exactly what cells show.
 */
export type Mark = 'cross' | 'corner' | 'dot' | 'hatch' | 'ring' | 'question' | 'dash';

/** CSS px: smaller cells get no marks (colours alone; the accessible palette is separable in greyscale). */
export const MIN_MARK_CELL = 10;

const MARK_OF: Array<Mark | undefined> = [];
MARK_OF[Status.Failed] = 'cross';
MARK_OF[Status.Breach] = 'corner';
MARK_OF[Status.Warning] = 'dot';
MARK_OF[Status.NoData] = 'hatch';
MARK_OF[Status.Stale] = 'ring';
MARK_OF[Status.Invalid] = 'question';
// Not probed is most of a sparse mesh: it stays plain, and the diagonal (self) carries the dash instead.
MARK_OF[Status.Self] = 'dash';

/** Filled glyphs; the others are stroked. */
const FILLED: Record<Mark, boolean> = {
  cross: false,
  corner: true,
  dot: true,
  hatch: false,
  ring: false,
  question: false,
  dash: false,
};

/** The glyph of a status; OK and Not probed have none. */
export function markFor(status: StatusCode): Mark | undefined {
  return MARK_OF[status];
}

/** Whichever ink contrasts more with the fill (WCAG contrast, Grafana's colorManipulator); dark on what it cannot read. */
export function inkFor(fill: string): string {
  try {
    const dark = colorManipulator.getContrastRatio(MARK_INK.dark, fill);
    return dark >= colorManipulator.getContrastRatio(MARK_INK.light, fill) ? MARK_INK.dark : MARK_INK.light;
  } catch {
    return MARK_INK.dark;
  }
}

/** The subset of CanvasPath the glyphs use; {@link SvgPath} implements it for the legend. */
interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
}

/** Stroke width of the glyphs in a box whose smaller side is `s`, in the box's units. */
function strokeFor(s: number): number {
  return Math.max(1, Math.round(s * 0.1));
}

/**
 * Adds the glyph for the box (x, y, w, h) to the current path. The filled glyphs do not close their subpaths: a fill
 * closes them anyway, and Chromium's closePath on a path of many subpaths cost ~10 ms per draw at 48 hosts with a few
 * hundred breached cells (npm run bench: draw 10.5 → 1.0 ms).
 */
function traceMark(p: PathSink, mark: Mark, x: number, y: number, w: number, h: number) {
  const s = Math.min(w, h);
  const cx = x + w / 2;
  const cy = y + h / 2;
  switch (mark) {
    case 'cross': {
      const d = 0.28 * s;
      p.moveTo(cx - d, cy - d);
      p.lineTo(cx + d, cy + d);
      p.moveTo(cx + d, cy - d);
      p.lineTo(cx - d, cy + d);
      break;
    }
    case 'corner': {
      // A dog-ear in the top-right corner: leaves the centre free for the loss square.
      const k = 0.45 * s;
      p.moveTo(x + w - k, y);
      p.lineTo(x + w, y);
      p.lineTo(x + w, y + k);
      break;
    }
    case 'dot': {
      const r = 0.13 * s;
      p.moveTo(cx + r, cy);
      p.arc(cx, cy, r, 0, 2 * Math.PI);
      break;
    }
    case 'hatch': {
      // Three "/" lines x' + y' = d across the whole box.
      for (let k = 1; k <= 3; k++) {
        const d = ((w + h) * k) / 4;
        p.moveTo(x + Math.max(0, d - h), y + Math.min(d, h));
        p.lineTo(x + Math.min(d, w), y + Math.max(0, d - w));
      }
      break;
    }
    case 'ring': {
      // Large enough to stay hollow at MIN_MARK_CELL, unlike the warning dot.
      const r = 0.27 * s;
      p.moveTo(cx + r, cy);
      p.arc(cx, cy, r, 0, 2 * Math.PI);
      break;
    }
    case 'question': {
      const r = 0.15 * s;
      const hy = cy - 0.1 * s;
      p.moveTo(cx - r, hy);
      p.arc(cx, hy, r, Math.PI, 2.5 * Math.PI);
      p.lineTo(cx, cy + 0.13 * s);
      p.moveTo(cx, cy + 0.23 * s);
      p.lineTo(cx, cy + 0.32 * s);
      break;
    }
    case 'dash': {
      const d = 0.22 * s;
      p.moveTo(cx - d, cy);
      p.lineTo(cx + d, cy);
      break;
    }
  }
}

/** Builds an SVG path `d` from canvas-style calls (arcs split into ≤ 180° segments). */
class SvgPath implements PathSink {
  private parts: string[] = [];
  private hasPoint = false;

  moveTo(x: number, y: number) {
    this.parts.push(`M${fmt(x)} ${fmt(y)}`);
    this.hasPoint = true;
  }
  lineTo(x: number, y: number) {
    this.parts.push(`L${fmt(x)} ${fmt(y)}`);
    this.hasPoint = true;
  }
  arc(x: number, y: number, r: number, start: number, end: number) {
    const at = (a: number) => `${fmt(x + r * Math.cos(a))} ${fmt(y + r * Math.sin(a))}`;
    this.parts.push(`${this.hasPoint ? 'L' : 'M'}${at(start)}`);
    const steps = Math.max(1, Math.ceil((end - start) / Math.PI - 1e-9));
    for (let i = 1; i <= steps; i++) {
      this.parts.push(`A${fmt(r)} ${fmt(r)} 0 0 1 ${at(start + ((end - start) * i) / steps)}`);
    }
    this.hasPoint = true;
  }
  toString() {
    return this.parts.join('');
  }
}

const fmt = (v: number) => String(Math.round(v * 100) / 100);

/** Props for an SVG `<path>` drawing `mark` over a `size` × `size` swatch filled with `fill` (the status colour). */
export interface MarkSvg {
  d: string;
  fill: string;
  stroke: string;
  strokeWidth: number;
  strokeLinecap: 'round' | 'butt';
}

export function markSvg(mark: Mark, size: number, fill: string): MarkSvg {
  const path = new SvgPath();
  traceMark(path, mark, 0, 0, size, size);
  const ink = inkFor(fill);
  const filled = FILLED[mark];
  return {
    d: path.toString(),
    fill: filled ? ink : 'none',
    stroke: filled ? 'none' : ink,
    strokeWidth: filled ? 0 : strokeFor(size),
    strokeLinecap: mark === 'hatch' ? 'butt' : 'round',
  };
}

export interface MarkInput {
  /**
   * The matrix canvas' context in device pixels with an identity transform, as MatrixCanvas leaves it (canvas size
   * = layout size × dpr, cells drawn by scaling the image to it): cell (r, c) covers
   * [c·cellW·dpr, (c+1)·cellW·dpr) × [r·cellH·dpr, (r+1)·cellH·dpr). Its state is restored afterwards.
   */
  ctx: CanvasRenderingContext2D;
  /** rows × cols, row-major: Status codes. */
  status: Uint8Array;
  /** rows × cols: the status of the loss metric alone (OK, Warning, Breach, or 0 for none). */
  lossStatus?: Uint8Array;
  rows: number;
  cols: number;
  /** CSS px. */
  cellW: number;
  cellH: number;
  dpr: number;
  colors: Record<StatusCode, string>;
}

/** Share of the cell's smaller side taken by the loss square. */
const LOSS_SQUARE = 0.4;

/**
 * Draws each cell's mark and, where loss reaches a warning or the SLA, an inner square in the loss status' colour
 * (so a cell coloured by loss says so). One path per glyph kind. Returns the number of marks drawn.
 */
export function drawMarks({ ctx, status, lossStatus, rows, cols, cellW, cellH, dpr, colors }: MarkInput): number {
  if (cellW < MIN_MARK_CELL || cellH < MIN_MARK_CELL || rows <= 0 || cols <= 0) {
    return 0;
  }
  const n = Math.min(rows * cols, status.length);
  const byStatus: number[][] = Array.from({ length: STATUS_COUNT }, () => []);
  const lossWarn: number[] = [];
  const lossBreach: number[] = [];
  for (let i = 0; i < n; i++) {
    if (MARK_OF[status[i]]) {
      byStatus[status[i]].push(i);
    }
    const l = lossStatus?.[i];
    if (l === Status.Warning) {
      lossWarn.push(i);
    } else if (l === Status.Breach) {
      lossBreach.push(i);
    }
  }

  // MatrixCanvas cuts a hairline of this width at each cell's left and top edge: glyphs keep clear of it.
  const hair = Math.max(1, Math.round(dpr));
  const w = cellW * dpr;
  const h = cellH * dpr;
  const box = (i: number) => {
    const r = Math.floor(i / cols);
    const c = i - r * cols;
    return { x: c * w + hair, y: r * h + hair, bw: w - hair, bh: h - hair };
  };

  const inks = Array.from({ length: STATUS_COUNT }, (_, s) => inkFor(colors[s as StatusCode]));
  ctx.save();
  let drawn = 0;
  drawn += drawLossSquares({ ctx, cells: lossWarn, fill: colors[Status.Warning], status, inks, box, hair });
  drawn += drawLossSquares({ ctx, cells: lossBreach, fill: colors[Status.Breach], status, inks, box, hair });

  const lineWidth = strokeFor(Math.min(w, h) - hair);
  for (let s = 0; s < STATUS_COUNT; s++) {
    const cells = byStatus[s];
    const mark = MARK_OF[s];
    if (!mark || cells.length === 0) {
      continue;
    }
    const ink = inks[s];
    ctx.beginPath();
    for (const i of cells) {
      const { x, y, bw, bh } = box(i);
      traceMark(ctx, mark, x, y, bw, bh);
    }
    if (FILLED[mark]) {
      ctx.fillStyle = ink;
      ctx.fill();
    } else {
      ctx.strokeStyle = ink;
      ctx.lineWidth = lineWidth;
      ctx.lineCap = mark === 'hatch' ? 'butt' : 'round';
      ctx.stroke();
    }
    drawn += cells.length;
  }
  ctx.restore();
  return drawn;
}

interface LossSquares {
  ctx: CanvasRenderingContext2D;
  cells: number[];
  fill: string;
  status: Uint8Array;
  /** Mark ink per status. */
  inks: string[];
  box: (i: number) => { x: number; y: number; bw: number; bh: number };
  hair: number;
}

/** Squares of one loss colour, then their borders in the ink of the cell they sit in (at most two inks). */
function drawLossSquares({ ctx, cells, fill, status, inks, box, hair }: LossSquares): number {
  if (cells.length === 0) {
    return 0;
  }
  const squares = cells.map((i) => {
    const { x, y, bw, bh } = box(i);
    const q = Math.max(3 * hair, Math.round(LOSS_SQUARE * Math.min(bw, bh)));
    return { i, x: Math.round(x + (bw - q) / 2), y: Math.round(y + (bh - q) / 2), q };
  });
  ctx.fillStyle = fill;
  ctx.beginPath();
  squares.forEach(({ x, y, q }) => ctx.rect(x, y, q, q));
  ctx.fill();

  // A 1 CSS px border inside the square, on whole device pixels so it stays crisp.
  ctx.lineWidth = hair;
  for (const ink of [MARK_INK.dark, MARK_INK.light]) {
    const mine = squares.filter(({ i }) => inks[status[i]] === ink);
    if (mine.length === 0) {
      continue;
    }
    ctx.strokeStyle = ink;
    ctx.beginPath();
    mine.forEach(({ x, y, q }) => ctx.rect(x + hair / 2, y + hair / 2, q - hair, q - hair));
    ctx.stroke();
  }
  return cells.length;
}
