import { createTheme } from '@grafana/data';

import { STATUS_COUNT, Status, StatusCode } from '../model/sla';
import { MIN_MARK_CELL, Mark, drawMarks, inkFor, markFor, markSvg } from './marks';
import { MARK_INK, statusColors } from './palette';

const ALL = Object.values(Status) as StatusCode[];

/** A 2D context that records what is drawn: one entry per beginPath with its subpaths and how it was painted. */
function fakeContext() {
  interface Batch {
    moves: number;
    rects: Array<[number, number, number, number]>;
    arcs: number;
    painted: Array<{ op: 'fill' | 'stroke'; style: string; lineWidth: number }>;
  }
  const batches: Batch[] = [];
  const state = { fillStyle: '', strokeStyle: '', lineWidth: 1, lineCap: 'butt' };
  const saved: Array<typeof state> = [];
  const current = () => batches[batches.length - 1];
  const ctx = {
    ...state,
    save() {
      saved.push({
        fillStyle: ctx.fillStyle,
        strokeStyle: ctx.strokeStyle,
        lineWidth: ctx.lineWidth,
        lineCap: ctx.lineCap,
      });
    },
    restore() {
      Object.assign(ctx, saved.pop());
    },
    beginPath() {
      batches.push({ moves: 0, rects: [], arcs: 0, painted: [] });
    },
    moveTo() {
      current().moves++;
    },
    lineTo() {},
    arc() {
      current().arcs++;
    },
    rect(x: number, y: number, w: number, h: number) {
      current().rects.push([x, y, w, h]);
    },
    fill() {
      current().painted.push({ op: 'fill', style: ctx.fillStyle, lineWidth: ctx.lineWidth });
    },
    stroke() {
      current().painted.push({ op: 'stroke', style: ctx.strokeStyle, lineWidth: ctx.lineWidth });
    },
  };
  return { ctx, batches, saved };
}

describe('markFor', () => {
  it('gives every status but OK and Not probed its own mark', () => {
    const marks = ALL.filter((s) => s !== Status.OK && s !== Status.NotProbed).map(markFor);
    expect(marks.every((m) => m !== undefined)).toBe(true);
    expect(new Set(marks).size).toBe(marks.length);
    expect(markFor(Status.OK)).toBeUndefined();
    expect(markFor(Status.NotProbed)).toBeUndefined();
  });
});

describe('inkFor', () => {
  it.each([
    ['#ffffff', MARK_INK.dark],
    ['#F0E442', MARK_INK.dark],
    ['#6BAED6', MARK_INK.dark],
    ['#E8602C', MARK_INK.dark],
    ['#000000', MARK_INK.light],
    ['#2B0A3D', MARK_INK.light],
    ['#7B3294', MARK_INK.light],
    ['rgb(24, 27, 31)', MARK_INK.light],
  ])('draws on %s in %s', (fill, ink) => {
    expect(inkFor(fill)).toBe(ink);
  });

  it.each(['dark', 'light'] as const)(
    'contrasts with every status colour of the %s theme (WCAG ratio ≥ 4.5)',
    (mode) => {
      const colors = statusColors(createTheme({ colors: { mode } }));
      for (const s of ALL) {
        expect({ s, ok: contrast(inkFor(colors[s]), colors[s]) >= 4.5 }).toEqual({ s, ok: true });
      }
    }
  );
});

describe('markSvg', () => {
  it('draws every mark as a non-empty path in the ink of the swatch', () => {
    const marks = ALL.map(markFor).filter((m): m is Mark => m !== undefined);
    for (const m of marks) {
      const p = markSvg(m, 12, '#2B0A3D');
      expect(p.d).toMatch(/^M[\d.]+ [\d.]+/);
      expect(p.d).not.toMatch(/NaN/);
      expect([p.fill, p.stroke]).toContain(MARK_INK.light);
    }
    // Full circles become two half arcs: SVG cannot draw a closed arc in one command.
    expect(markSvg('ring', 12, '#fff').d.match(/A/g)).toHaveLength(2);
  });
});

describe('drawMarks', () => {
  const colors = statusColors(createTheme({ colors: { mode: 'dark' } }));
  const { OK, Warning, Breach, Failed, NoData, Stale, Invalid, NotProbed, Self } = Status;
  // 3 × 4: every status once, plus a second Breach and a second NoData.
  const status = Uint8Array.from([
    Self,
    OK,
    Warning,
    Breach,
    Failed,
    NoData,
    Stale,
    Invalid,
    NotProbed,
    Breach,
    NoData,
    OK,
  ]);

  it('draws one glyph per marked cell, one path per glyph kind', () => {
    const { ctx, batches, saved } = fakeContext();
    const n = drawMarks({ ctx: ctx as never, status, rows: 3, cols: 4, cellW: 12, cellH: 12, dpr: 1, colors });
    expect(n).toBe(9); // all but Not probed and the two OK cells
    expect(batches).toHaveLength(7);
    const moves = batches.map((b) => b.moves).sort((a, b) => a - b);
    // dash 1, ring 1, dot 1, corner 2 (two cells), question 2, cross 2, hatch 3 × 2 cells
    expect(moves).toEqual([1, 1, 1, 2, 2, 2, 6]);
    // state restored
    expect(saved).toHaveLength(0);
  });

  it('paints glyphs in the ink that contrasts with their cell', () => {
    const { ctx, batches } = fakeContext();
    drawMarks({
      ctx: ctx as never,
      status: Uint8Array.from([Failed, Warning]),
      rows: 1,
      cols: 2,
      cellW: 20,
      cellH: 20,
      dpr: 2,
      colors,
    });
    const styles = batches.flatMap((b) => b.painted.map((p) => p.style)).sort();
    expect(styles).toEqual([MARK_INK.dark, MARK_INK.light].sort());
  });

  it('draws nothing below the minimum cell size', () => {
    const { ctx, batches } = fakeContext();
    const small = MIN_MARK_CELL - 0.5;
    expect(drawMarks({ ctx: ctx as never, status, rows: 3, cols: 4, cellW: small, cellH: 40, dpr: 2, colors })).toBe(0);
    expect(drawMarks({ ctx: ctx as never, status, rows: 3, cols: 4, cellW: 40, cellH: small, dpr: 2, colors })).toBe(0);
    expect(batches).toHaveLength(0);
  });

  it('draws a loss square in the loss colour, centred, with a contrasting border', () => {
    const { ctx, batches } = fakeContext();
    const lossStatus = Uint8Array.from([OK, Warning, Breach, 0]);
    const n = drawMarks({
      ctx: ctx as never,
      status: Uint8Array.from([OK, Warning, Breach, Breach]),
      lossStatus,
      rows: 1,
      cols: 4,
      cellW: 21,
      cellH: 21,
      dpr: 1,
      colors,
    });
    expect(n).toBe(2 + 3); // two loss squares, a dot and two corners
    const fills = batches.filter((b) => b.rects.length > 0 && b.painted[0].op === 'fill');
    expect(fills.map((b) => b.painted[0].style)).toEqual([colors[Warning], colors[Breach]]);
    const [x, y, w, h] = fills[0].rects[0];
    // cell 1 spans x 21..42 with a 1 px hairline at its left: the square is 40 % of the 20 px interior, centred
    expect([w, h]).toEqual([8, 8]);
    expect(x + w / 2).toBeCloseTo(21 + 1 + 10, 0);
    expect(y + h / 2).toBeCloseTo(1 + 10, 0);
    const borders = batches.filter((b) => b.rects.length > 0 && b.painted[0].op === 'stroke');
    expect(borders.flatMap((b) => b.painted.map((p) => p.style))).toEqual([
      inkFor(colors[Warning]),
      inkFor(colors[Breach]),
    ]);
  });

  it('scales to device pixels', () => {
    const { ctx, batches } = fakeContext();
    drawMarks({
      ctx: ctx as never,
      status: Uint8Array.from([OK, Warning]),
      lossStatus: Uint8Array.from([0, Warning]),
      rows: 1,
      cols: 2,
      cellW: 10,
      cellH: 10,
      dpr: 2,
      colors,
    });
    const [x, , w] = batches[0].rects[0];
    // cell 1 covers device x 20..40; hairline 2 px; interior 18 px, square round(7.2) = 7
    expect(w).toBe(7);
    // centred to within half a device pixel (the square snaps to whole pixels)
    expect(Math.abs(x + w / 2 - (22 + 9))).toBeLessThanOrEqual(0.5);
    expect(batches[1].painted[0].lineWidth).toBe(2);
  });

  it('ignores status codes it does not know', () => {
    const { ctx } = fakeContext();
    const odd = Uint8Array.from([STATUS_COUNT, 255]);
    expect(drawMarks({ ctx: ctx as never, status: odd, rows: 1, cols: 2, cellW: 12, cellH: 12, dpr: 1, colors })).toBe(
      0
    );
  });
});

function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const hex = css.replace('#', '');
    const m = css.startsWith('rgb')
      ? css.match(/\d+/g)!.slice(0, 3).map(Number)
      : [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const [r, g, bl] = m.map((c) => {
      const v = c / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
